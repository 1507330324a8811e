namespace Tandem.Model.Lint.Rules;

/// <summary>
/// A sidecar shares the pod's node and, through the init-container resource arithmetic, the
/// pod's budget. Without a memory limit a leaking helper can take the app down with it (P17).
/// </summary>
public sealed class SidecarWithoutLimitsRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "sidecar-without-limits",
        LintSeverity.Warning,
        "A sidecar has no memory limit.",
        "A sidecar runs for the whole life of the pod beside the app it serves. Without a memory limit a "
        + "leak or a burst in the helper (a log shipper behind on its backlog, a proxy under load) grows "
        + "until the node runs out of memory, and the OOM killer may pick the app instead of the helper. "
        + "On Tandem the limits become the container's cgroup limits.",
        "Set resources.limits.memory on the sidecar (and resources.limits.cpu if it must not steal CPU "
        + "from the app), sized from what it uses under load.");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        foreach (var sidecar in pod.Sidecars)
        {
            var limits = sidecar.Container.Resources?.Limits;
            if (limits is not null && limits.ContainsKey("memory"))
            {
                continue;
            }
            var message = $"{sidecar.Describe()} has {(limits is null || limits.Count == 0 ? "no resource limits" : "no memory limit")}";
            yield return sidecar.Container.Resources is null
                ? pod.Finding(Rule, sidecar.NamePath, message)
                : pod.FindingAtKey(Rule, sidecar.Path.Child("resources"), message);
        }
    }
}
