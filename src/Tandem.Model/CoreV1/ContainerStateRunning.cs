namespace Tandem.Model.CoreV1;

/// <summary>A running container and when it started.</summary>
public sealed record ContainerStateRunning
{
    public DateTimeOffset? StartedAt { get; init; }
}
