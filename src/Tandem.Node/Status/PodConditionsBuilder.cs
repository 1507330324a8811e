using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;
using Tandem.Node.Lifecycle;

namespace Tandem.Node.Status;

/// <summary>
/// The pod conditions of <c>pkg/kubelet/status/generate.go</c> (§1.K, R19), in the kubelet's order after the
/// conditions it does not own, with <c>lastTransitionTime</c> kept while a condition's status does not change.
/// </summary>
internal static class PodConditionsBuilder
{
    public static List<PodCondition> Build(PodSnapshot snapshot, IReadOnlyList<ContainerStatus> init, IReadOnlyList<ContainerStatus> regular,
        string phase, IReadOnlyList<PodCondition>? previous, DateTimeOffset now)
    {
        var others = (previous ?? []).Where(c => !ConditionTypes.KubeletOwned.Contains(c.Type)).ToList();
        var containersReady = ContainersReady(snapshot.Spec, init, regular, phase);
        var owned = new[]
        {
            // PodReadyToStartContainers: the sandbox exists and needs no re-creation.
            Condition(ConditionTypes.PodReadyToStartContainers, snapshot.Sandbox == SandboxState.Ready),
            Initialized(snapshot.Spec, init, regular, phase),
            Ready(snapshot.Spec, containersReady, others),
            containersReady,
            Condition(ConditionTypes.PodScheduled, true),
        };
        return [.. others, .. owned.Select(c => WithTransitionTime(c, previous, now))];
    }

    // SG:175-239.
    private static PodCondition Initialized(PodSpec spec, IReadOnlyList<ContainerStatus> init, IReadOnlyList<ContainerStatus> regular, string phase)
    {
        var initContainers = ContainerRoles.InitContainers(spec);
        if (initContainers.Count == 0)
        {
            return Condition(ConditionTypes.Initialized, true);
        }
        var unknown = new List<string>();
        var incomplete = new List<string>();
        foreach (var container in initContainers)
        {
            var status = init.FirstOrDefault(s => s.Name == container.Name);
            if (status is null)
            {
                unknown.Add(container.Name!);
            }
            else if (ContainerRoles.IsSidecar(container) ? status.Started != true : !status.Ready)
            {
                // Incomplete: a sidecar not started, or a regular init container that did not exit 0.
                incomplete.Add(container.Name!);
            }
        }
        if (phase == PodPhases.Succeeded && unknown.Count == 0)
        {
            return Condition(ConditionTypes.Initialized, true, ConditionReasons.PodCompleted);
        }
        // Once a regular container ran, a restarting sidecar does not flip Initialized back (SC-06, SC-16).
        if (regular.Any(s => s.State?.Running is not null || s.State?.Terminated is not null))
        {
            return Condition(ConditionTypes.Initialized, true);
        }
        var message = Message(("containers with unknown status", unknown), ("containers with incomplete status", incomplete));
        return message is null
            ? Condition(ConditionTypes.Initialized, true)
            : Condition(ConditionTypes.Initialized, false, ConditionReasons.ContainersNotInitialized, message);
    }

    // SG:46-114: sidecars first (spec order), then regular containers; sidecar readiness gates the pod (P12).
    private static PodCondition ContainersReady(PodSpec spec, IReadOnlyList<ContainerStatus> init, IReadOnlyList<ContainerStatus> regular, string phase)
    {
        var unknown = new List<string>();
        var unready = new List<string>();
        var watched = ContainerRoles.InitContainers(spec).Where(ContainerRoles.IsSidecar).Select(c => (c.Name!, init))
            .Concat(ContainerRoles.Containers(spec).Select(c => (c.Name!, regular)));
        foreach (var (name, statuses) in watched)
        {
            var status = statuses.FirstOrDefault(s => s.Name == name);
            if (status is null)
            {
                unknown.Add(name);
            }
            else if (!status.Ready)
            {
                unready.Add(name);
            }
        }
        if (phase == PodPhases.Succeeded && unknown.Count == 0)
        {
            return Condition(ConditionTypes.ContainersReady, false, ConditionReasons.PodCompleted);
        }
        if (phase == PodPhases.Failed)
        {
            return Condition(ConditionTypes.ContainersReady, false, ConditionReasons.PodFailed);
        }
        var message = Message(("containers with unknown status", unknown), ("containers with unready status", unready));
        return message is null
            ? Condition(ConditionTypes.ContainersReady, true)
            : Condition(ConditionTypes.ContainersReady, false, ConditionReasons.ContainersNotReady, message);
    }

    // SG:119-158: copies ContainersReady unless it is True, then checks the readiness gates.
    private static PodCondition Ready(PodSpec spec, PodCondition containersReady, IReadOnlyList<PodCondition> others)
    {
        if (containersReady.Status != "True")
        {
            return containersReady with { Type = ConditionTypes.Ready };
        }
        var messages = new List<string>();
        foreach (var gate in spec.ReadinessGates ?? [])
        {
            var type = (gate as JsonObject)?["conditionType"]?.GetValue<string>();
            var condition = others.FirstOrDefault(c => c.Type == type);
            if (condition is null)
            {
                messages.Add($"corresponding condition of pod readiness gate \"{type}\" does not exist.");
            }
            else if (condition.Status != "True")
            {
                messages.Add($"the status of pod readiness gate \"{type}\" is not \"True\", but {condition.Status}");
            }
        }
        return messages.Count == 0
            ? Condition(ConditionTypes.Ready, true)
            : Condition(ConditionTypes.Ready, false, ConditionReasons.ReadinessGatesNotReady, string.Join(", ", messages));
    }

    // Go prints a []string with %s as "[a b]"; the parts are joined with ", ".
    private static string? Message(params (string Label, List<string> Names)[] parts)
    {
        var texts = parts.Where(p => p.Names.Count > 0).Select(p => $"{p.Label}: [{string.Join(' ', p.Names)}]").ToList();
        return texts.Count == 0 ? null : string.Join(", ", texts);
    }

    private static PodCondition Condition(string type, bool status, string? reason = null, string? message = null) =>
        new() { Type = type, Status = status ? "True" : "False", Reason = reason, Message = message };

    // Status manager updateLastTransitionTime: unchanged status keeps its time, a change takes now.
    private static PodCondition WithTransitionTime(PodCondition condition, IReadOnlyList<PodCondition>? previous, DateTimeOffset now)
    {
        var old = previous?.FirstOrDefault(c => c.Type == condition.Type);
        return condition with { LastTransitionTime = old is not null && old.Status == condition.Status ? old.LastTransitionTime : now };
    }
}
