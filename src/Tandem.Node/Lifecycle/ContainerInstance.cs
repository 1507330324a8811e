using Tandem.Node.Probing;
using Tandem.Runtime;

namespace Tandem.Node.Lifecycle;

/// <summary>
/// One runtime container created for a spec container: the kubelet's <c>kubecontainer.Status</c>.
/// <see cref="Attempt"/> is the restart count the instance was created with (R30).
/// </summary>
public sealed record ContainerInstance
{
    public required string Id { get; init; }

    public int Attempt { get; init; }

    public ContainerState State { get; init; }

    /// <summary>The image the instance was created from; a different spec image means "definition changed" (R14).</summary>
    public required string Image { get; init; }

    public string? ImageRef { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int? ExitCode { get; init; }

    /// <summary><c>Completed</c>, <c>Error</c>, <c>OOMKilled</c> ... once exited (R29).</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }

    /// <summary>Published probe results for this instance; they are keyed by container id, so a new instance starts fresh.</summary>
    public ProbeResults Probes { get; init; } = ProbeResults.Initial;

    public bool IsRunning => State == ContainerState.Running;

    public bool IsExited => State == ContainerState.Exited;
}
