using Tandem.Model.CoreV1;
using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;

namespace Tandem.Node.Status;

/// <summary>
/// <c>started</c> and <c>ready</c> of each container status (prober manager <c>UpdatePodStatus</c>, R27).
/// </summary>
internal static class ProbeStatus
{
    public static ContainerStatus Apply(PodSnapshot snapshot, Container container, ContainerKind kind, ContainerStatus status)
    {
        var running = status.State?.Running is not null;
        var probes = snapshot.Latest(container.Name)?.Probes ?? ProbeResults.Initial;
        // Started: running and the startup probe succeeded, or there is none.
        var started = running && (container.StartupProbe is null || probes.Startup == ProbeResult.Success);
        if (kind == ContainerKind.RegularInit)
        {
            // A regular init container is ready once it exited 0, never while it runs.
            return status with { Started = started, Ready = status.State?.Terminated is { ExitCode: 0 } };
        }
        // Sidecars and regular containers: ready when started and the readiness probe (if any) last published Success.
        var ready = started && (container.ReadinessProbe is null || probes.Readiness == ProbeResult.Success);
        return status with { Started = started, Ready = ready };
    }
}
