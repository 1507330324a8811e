using Tandem.Model.CoreV1;
using Tandem.Node.Lifecycle;

namespace Tandem.Node.Status;

/// <summary>
/// The kubelet's <c>generateAPIPodStatus</c> as a pure function (R27–R32, §1.J, §1.K, T7): container statuses, phase
/// and conditions from a <see cref="PodSnapshot"/>, the previously published status and the time.
/// <para>
/// Call it after every sync and whenever a probe result or container state changes; pass the status you published
/// last as <c>previous</c> (it carries the sticky terminal phase, the conditions' <c>lastTransitionTime</c>, the
/// conditions other components own and the state of containers whose records are gone). Once termination is
/// over, set <see cref="PodSnapshot.TerminationFinished"/> to get the final status of T7.
/// </para>
/// </summary>
public static class PodStatusGenerator
{
    public static PodStatus Generate(PodSnapshot snapshot, PodStatus? previous, DateTimeOffset now)
    {
        var spec = snapshot.Spec;
        var init = ContainerStatusBuilder.Build(snapshot, ContainerRoles.InitContainers(spec), isInit: true, previous?.InitContainerStatuses)
            .Select(s => ProbeStatus.Apply(snapshot, Spec(spec, s.Name), ContainerRoles.KindOfInit(Spec(spec, s.Name)), s))
            .ToList();
        var regular = ContainerStatusBuilder.Build(snapshot, ContainerRoles.Containers(spec), isInit: false, previous?.ContainerStatuses)
            .Select(s => ProbeStatus.Apply(snapshot, Spec(spec, s.Name), ContainerKind.Regular, s))
            .ToList();
        var phase = PodPhaseCalculator.GetPhase(spec, init, regular, snapshot.TerminationFinished);
        // KP:1764-1806: a terminal phase never changes again.
        if (PodPhases.IsTerminal(previous?.Phase))
        {
            phase = previous!.Phase!;
        }
        var status = (previous ?? new PodStatus()) with
        {
            Phase = phase,
            InitContainerStatuses = init.Count == 0 ? null : init,
            ContainerStatuses = regular,
            StartTime = previous?.StartTime ?? now,
        };
        if (snapshot.TerminationFinished)
        {
            status = TerminalStatus.Apply(spec, status);
        }
        var conditions = PodConditionsBuilder.Build(snapshot, status.InitContainerStatuses ?? [], status.ContainerStatuses ?? [],
            status.Phase!, previous?.Conditions, now);
        return status with { Conditions = conditions };
    }

    private static Container Spec(PodSpec spec, string? name) => ContainerRoles.Find(spec, name!)!.Value.Container;
}
