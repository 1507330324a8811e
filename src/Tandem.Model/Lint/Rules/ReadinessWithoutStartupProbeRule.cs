namespace Tandem.Model.Lint.Rules;

/// <summary>
/// P3, R8: a sidecar's readiness probe does not hold back the containers after it; only a
/// startup probe (or postStart) does. A readiness probe alone usually means the author expected it to.
/// </summary>
public sealed class ReadinessWithoutStartupProbeRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "sidecar-readiness-without-startup-probe",
        LintSeverity.Warning,
        "A sidecar has a readinessProbe but no startupProbe: readiness does not delay the containers after it.",
        "The kubelet moves on to the next container as soon as a sidecar is started (running and, if it "
        + "has one, startupProbe succeeded). readinessProbe results only decide whether the pod is Ready; "
        + "they never delay the containers after the sidecar, which is rarely what the author of a "
        + "readiness probe on a sidecar expected.",
        "Add a startupProbe with the same check as the readinessProbe (the kubelet then waits for it "
        + "before starting the next container), and keep the readinessProbe if the pod's readiness "
        + "should follow the sidecar's health.");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        foreach (var sidecar in pod.Sidecars)
        {
            var c = sidecar.Container;
            if (c.ReadinessProbe is not null && c.StartupProbe is null && c.Lifecycle?.PostStart is null)
            {
                yield return pod.FindingAtKey(Rule, sidecar.Path.Child("readinessProbe"),
                    $"{sidecar.Describe()} has a readinessProbe but no startupProbe, so the containers after it start without waiting for it to be ready");
            }
        }
    }
}
