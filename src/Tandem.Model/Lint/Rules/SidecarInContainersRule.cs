using Tandem.Model.Lint.Heuristics;

namespace Tandem.Model.Lint.Rules;

/// <summary>
/// P1: a helper that never exits, declared in <c>containers</c> of a pod meant to complete. The
/// pod completes only when every regular container has exited (R17), so it never does.
/// </summary>
public sealed class SidecarInContainersRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "sidecar-in-containers",
        LintSeverity.Error,
        "A long-running helper is a regular container of a pod that should complete (restartPolicy Never/OnFailure).",
        "A pod with restartPolicy Never or OnFailure completes when all of its regular containers have "
        + "exited. A helper that runs forever (a proxy, a log tailer, a loop) never exits, so the pod "
        + "never reaches Succeeded or Failed and a Job built on it never finishes (Kubernetes issue #25908).",
        "Make the helper a native sidecar: move it to initContainers and give it restartPolicy: Always. "
        + "The kubelet then stops it once the main containers have exited, and its exit code does not "
        + "count towards the pod's phase.");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        if (!pod.IsMeantToComplete)
        {
            yield break;
        }
        var regular = pod.Regular.Select(c => (Container: c, Reason: LongRunningHeuristic.Reason(c))).ToList();
        // Only when some regular container looks like work that ends: if all of them look
        // long-running, the pod is a server with an odd restart policy, not a job with a helper.
        if (!regular.Any(r => r.Reason is null))
        {
            yield break;
        }
        foreach (var (container, reason) in regular.Where(r => r.Reason is not null))
        {
            yield return pod.Finding(Rule, container.NamePath,
                $"{container.Describe()} looks long-running ({reason}) but is a regular container of a "
                + $"restartPolicy: {pod.Spec.RestartPolicy} pod, which therefore never completes; make it a native sidecar");
        }
    }
}
