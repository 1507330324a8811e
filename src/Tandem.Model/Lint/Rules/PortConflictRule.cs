namespace Tandem.Model.Lint.Rules;

/// <summary>
/// Two containers that run at the same time and declare the same port. The API server only
/// checks duplicate host ports; the containers of a pod share one network namespace, so the
/// second bind fails at run time.
/// </summary>
public sealed class PortConflictRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "port-conflict",
        LintSeverity.Error,
        "Two containers of one pod declare the same port.",
        "All containers of a pod share one network namespace (one localhost). Only one process can "
        + "listen on a port, so the container that binds second fails with 'address already in use' "
        + "and crash-loops. The API server does not check this.",
        "Give one of the containers a different port (and change its command or config to match), "
        + "or, if the second container only talks to the first, remove the port from it: a client "
        + "does not declare the port it connects to.");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        // Sidecars run beside the regular containers (R8), so they share the port space with them.
        // Regular init containers run alone before the app and are left out: a sidecar declared
        // before one is rare, and their ports are hardly ever declared.
        var seen = new Dictionary<(int, string), PodContainer>();
        foreach (var container in pod.Containers.Where(c => c.RunsAlongsideApp))
        {
            foreach (var (number, protocol, path) in container.DeclaredPorts().DistinctBy(p => (p.Number, p.Protocol)))
            {
                if (seen.TryGetValue((number, protocol), out var first) && first != container)
                {
                    yield return pod.Finding(Rule, path,
                        $"{container.Describe()} declares port {number}/{protocol}, which {first.Describe()} already uses; they share one network namespace");
                    continue;
                }
                seen[(number, protocol)] = container;
            }
        }
    }
}
