namespace Tandem.Model.CoreV1;

/// <summary>Exactly one of waiting, running or terminated.</summary>
public sealed record ContainerState
{
    public ContainerStateWaiting? Waiting { get; init; }

    public ContainerStateRunning? Running { get; init; }

    public ContainerStateTerminated? Terminated { get; init; }
}
