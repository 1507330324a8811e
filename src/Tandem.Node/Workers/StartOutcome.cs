using Tandem.Node.Lifecycle;

namespace Tandem.Node.Workers;

/// <summary>
/// How a <see cref="StartContainerAction"/> ended: started (with its id), failed before or while starting
/// (<see cref="Failure"/> is the waiting reason to remember), or started but its postStart hook failed
/// (<see cref="PostStartFailed"/>: the container must be killed, R7c).
/// </summary>
internal sealed record StartOutcome(string? ContainerId, StartFailure? Failure, bool PostStartFailed = false)
{
    public bool Started => ContainerId is not null && Failure is null;

    public string HookMessage { get; init; } = "";
}
