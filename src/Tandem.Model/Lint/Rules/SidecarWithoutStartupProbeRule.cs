using Tandem.Model.Lint.Heuristics;

namespace Tandem.Model.Lint.Rules;

/// <summary>
/// P3: start order is gated by "started", not "ready". A container that talks to a sidecar can
/// start before the sidecar listens unless the sidecar has a startup probe (or a blocking
/// postStart), and containers in <c>spec.containers</c> have no start order at all (R7, R8).
/// </summary>
public sealed class SidecarWithoutStartupProbeRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "sidecar-without-startup-probe",
        LintSeverity.Warning,
        "A container talks to a sidecar that has no startup probe, so the sidecar may not be listening yet.",
        "The kubelet starts the next container as soon as a sidecar is 'started': its process runs and, "
        + "if it has one, its startupProbe has succeeded. Readiness does not hold anything back. Without "
        + "a startupProbe the app races the sidecar's own start-up and its first requests can fail. "
        + "Regular containers are not ordered at all: they are started one after another without waiting.",
        "Give the sidecar a startupProbe that succeeds only once it serves (for example tcpSocket or "
        + "httpGet on its port, or exec test -S on its socket). If the helper is a regular container, "
        + "make it a native sidecar first: move it to initContainers with restartPolicy: Always.");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        foreach (var provider in pod.Containers.Where(c => c.RunsAlongsideApp))
        {
            if (provider.IsSidecar && (provider.Container.StartupProbe is not null || provider.Container.Lifecycle?.PostStart is not null))
            {
                continue;
            }
            var consumers = provider.IsSidecar
                ? pod.Containers.Where(c => c.Position > provider.Position)
                : pod.Regular.Where(c => c != provider);
            var evidence = consumers.Select(c => SidecarDependency.Find(c, provider)).FirstOrDefault(e => e is not null);
            if (evidence is null)
            {
                continue;
            }
            yield return provider.IsSidecar
                ? pod.Finding(Rule, provider.NamePath,
                    $"{evidence}, but {provider.Describe()} has no startupProbe, so it may not be serving when that container starts")
                : pod.Finding(Rule, provider.NamePath,
                    $"{evidence}, but {provider.Describe()} is a regular container: containers are not started in any "
                    + "guaranteed order; make it a native sidecar with a startupProbe");
        }
    }
}
