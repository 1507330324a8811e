using Tandem.Node.Handlers;

namespace Tandem.Node.Workers;

/// <summary>Something that happened to a pod, queued for its worker's loop (the only place its state changes).</summary>
internal abstract record WorkerSignal
{
    /// <summary>A container of the pod changed state in the runtime (created, started, exited), or a stop returned.</summary>
    public sealed record ContainersChanged : WorkerSignal
    {
        public static readonly ContainersChanged Instance = new();
    }

    public sealed record ProbeFinished(ProbeRun Run, HandlerOutcome Outcome) : WorkerSignal;

    public sealed record PreStopFinished(string Container, string ContainerId, HandlerOutcome Outcome) : WorkerSignal;

    public sealed record DeletionRequested(long GracePeriodSeconds) : WorkerSignal;

    /// <summary>The API changed what a running pod may change (metadata, deadlines, images); see <c>Kubelet.Update</c>.</summary>
    public sealed record PodUpdated(Model.CoreV1.Pod Pod) : WorkerSignal;
}
