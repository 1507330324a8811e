using Tandem.Model.Lint.Heuristics;

namespace Tandem.Model.Lint.Rules;

/// <summary>
/// R8, T3: sidecars start in list order and stop in reverse order. A sidecar that uses a sidecar
/// listed after it starts before its dependency and outlives it at shutdown, both the wrong way round.
/// </summary>
public sealed class SidecarBeforeItsDependencyRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "sidecar-before-its-dependency",
        LintSeverity.Warning,
        "A sidecar talks to another sidecar that is listed after it.",
        "Sidecars start in the order they are listed and stop in reverse order. A sidecar that depends "
        + "on one listed after it starts before its dependency (its first connections fail and it may "
        + "crash-loop until the other is up), and at shutdown its dependency is stopped first, so its "
        + "last work (the final log lines, the last spans) has nowhere to go.",
        "List the sidecar that is depended on first in initContainers, and give it a startupProbe.");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        foreach (var consumer in pod.Sidecars)
        {
            var hit = pod.Sidecars
                .Where(s => s.Position > consumer.Position)
                .Select(s => (Sidecar: s, Evidence: SidecarDependency.Find(consumer, s)))
                .FirstOrDefault(h => h.Evidence is not null);
            if (hit.Evidence is not null)
            {
                yield return pod.Finding(Rule, consumer.NamePath,
                    $"{hit.Evidence}, but {hit.Sidecar.Describe()} is listed after it: it starts later and stops earlier");
            }
        }
    }
}
