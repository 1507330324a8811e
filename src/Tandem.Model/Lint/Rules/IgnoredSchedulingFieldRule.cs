using Tandem.Model.CoreV1;
using Tandem.Model.Validation;

namespace Tandem.Model.Lint.Rules;

/// <summary>Fields that only a scheduler acts on: accepted, and reported as ignored on one node.</summary>
public sealed class IgnoredSchedulingFieldRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "ignored-scheduling-field",
        LintSeverity.Info,
        "A scheduling field that Tandem accepts and ignores: there is only one node.",
        "nodeSelector, affinity, tolerations, topology spread constraints, scheduling gates, priority "
        + "and the scheduler name choose a node among many or order pods waiting for one. Tandem runs "
        + "every pod on its one node, so these fields have no effect; the manifest stays valid for a cluster.",
        "Nothing to fix for Tandem. Keep the field if the manifest also goes to a cluster, or add the "
        + "rule to tandem.dev/lint-ignore to silence this note.");

    private static readonly (string Name, Func<PodSpec, bool> IsSet)[] Fields =
    [
        ("nodeSelector", s => s.NodeSelector is { Count: > 0 }),
        ("affinity", s => s.Affinity is not null),
        ("tolerations", s => s.Tolerations is { Count: > 0 }),
        ("topologySpreadConstraints", s => s.TopologySpreadConstraints is { Count: > 0 }),
        ("schedulingGates", s => s.SchedulingGates is { Count: > 0 }),
        ("nodeName", s => s.NodeName is not null),
        ("priorityClassName", s => s.PriorityClassName is not null),
        ("preemptionPolicy", s => s.PreemptionPolicy is not null),
        ("schedulerName", s => s.SchedulerName is not null and not "default-scheduler"),
    ];

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        // As written, not as defaulted: the defaults (schedulerName) are not the user's choice.
        if (pod.Source.Written is not Pod { Spec: { } spec })
        {
            yield break;
        }
        foreach (var (name, isSet) in Fields)
        {
            if (isSet(spec))
            {
                yield return pod.FindingAtKey(Rule, FieldPath.Root("spec").Child(name),
                    $"spec.{name} is ignored: Tandem runs every pod on its single node");
            }
        }
    }
}
