namespace Tandem.Model.CoreV1;

/// <summary>Hooks run after a container starts and before it is stopped.</summary>
public sealed record Lifecycle
{
    public LifecycleHandler? PostStart { get; init; }

    public LifecycleHandler? PreStop { get; init; }

    public string? StopSignal { get; init; }
}
