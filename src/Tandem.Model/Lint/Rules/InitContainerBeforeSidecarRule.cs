using Tandem.Model.Lint.Heuristics;

namespace Tandem.Model.Lint.Rules;

/// <summary>
/// R8: init containers start strictly in list order, and a regular init container must exit
/// before anything after it starts. One that needs a sidecar listed after it can never reach it.
/// </summary>
public sealed class InitContainerBeforeSidecarRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "init-container-before-sidecar",
        LintSeverity.Error,
        "An init container talks to a sidecar that is listed after it, so the sidecar is not running yet.",
        "initContainers start strictly in the order they are listed, and a regular init container must "
        + "exit 0 before the next entry starts. A sidecar listed later is started only after the init "
        + "container has finished, so every connection the init container makes to it fails.",
        "Move the sidecar above the init container in initContainers (and give it a startupProbe so "
        + "that it is serving before the init container starts).");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        foreach (var consumer in pod.Containers.Where(c => c.Role == ContainerRole.InitContainer))
        {
            var later = pod.Sidecars.Where(s => s.Position > consumer.Position);
            var hit = later.Select(s => (Sidecar: s, Evidence: SidecarDependency.Find(consumer, s))).FirstOrDefault(h => h.Evidence is not null);
            if (hit.Evidence is not null)
            {
                yield return pod.Finding(Rule, consumer.NamePath,
                    $"{hit.Evidence}, but {hit.Sidecar.Describe()} is listed after it and starts only once it has exited");
            }
        }
    }
}
