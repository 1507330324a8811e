using Tandem.Node.Lifecycle;

namespace Tandem.Node.Probing;

/// <summary>
/// R21 (PM:304-314, 345-355): when status is computed for a started, running container whose readiness is still
/// unknown, the kubelet runs its readiness probe at once instead of waiting for the next period. The executor calls
/// <see cref="ProbeWorker.TriggerNow"/> on the readiness workers of the containers this returns.
/// </summary>
public static class ReadinessTrigger
{
    public static IReadOnlyList<string> ContainersToProbeNow(PodSnapshot snapshot) =>
    [
        .. ContainerRoles.All(snapshot.Spec)
            .Where(e => e.Kind != ContainerKind.RegularInit && e.Container.ReadinessProbe is not null)
            .Where(e => snapshot.Latest(e.Container.Name) is { IsRunning: true } latest
                && (e.Container.StartupProbe is null || latest.Probes.Startup == ProbeResult.Success)
                && latest.Probes.Readiness == ProbeResult.Unknown)
            .Select(e => e.Container.Name!),
    ];
}
