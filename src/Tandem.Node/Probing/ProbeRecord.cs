using Tandem.Node.Lifecycle;

namespace Tandem.Node.Probing;

/// <summary>
/// The result of recording one probe run: the next worker state, the published result if it changed (the executor
/// copies it into the container instance's <see cref="ProbeResults"/> and resyncs the pod), and an <c>Unhealthy</c> event on failure.
/// </summary>
public sealed record ProbeRecord(ProbeWorker Worker, ProbeResult? Published, PodEvent? Event);
