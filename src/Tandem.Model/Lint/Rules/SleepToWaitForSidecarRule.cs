using System.Text.RegularExpressions;
using Tandem.Model.Lint.Heuristics;

namespace Tandem.Model.Lint.Rules;

/// <summary>
/// P3, P4: "sleep 5 && exec app" is the folk remedy for a sidecar that is not ready yet. It is
/// too long on a fast start and too short on a slow one; a startup probe waits exactly as long as needed.
/// </summary>
public sealed partial class SleepToWaitForSidecarRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "sleep-to-wait-for-sidecar",
        LintSeverity.Info,
        "A container sleeps before its real command in a pod with sidecars, presumably to wait for one.",
        "A fixed sleep is a guess: it delays every start even when the sidecar is ready at once, and is "
        + "too short the day the sidecar starts slowly (a cold image cache, a busy node). The kubelet "
        + "can wait for the sidecar itself: it starts the containers after a sidecar only once the "
        + "sidecar's startupProbe has succeeded.",
        "Drop the sleep and give the sidecar a startupProbe that succeeds when it serves (tcpSocket or "
        + "httpGet on its port, or exec test -S on its socket).");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        foreach (var container in pod.Containers.Where(c => !c.IsSidecar))
        {
            // The sidecar it would be waiting for: the last one started before it.
            var sidecar = pod.Sidecars.LastOrDefault(s => s.Position < container.Position);
            if (sidecar is null)
            {
                continue;
            }
            var text = ContainerText.Of(container).Where(t => t.Label is "command" or "args")
                .FirstOrDefault(t => LeadingSleep().IsMatch(t.Text));
            if (text is not null)
            {
                var sleep = LeadingSleep().Match(text.Text).Groups["sleep"].Value;
                yield return pod.Finding(Rule, text.Path, sidecar.Container.StartupProbe is null
                    ? $"{container.Describe()} runs \"{sleep}\" before its real work; if that waits for {sidecar.Describe()}, a startupProbe on the sidecar waits exactly as long as needed"
                    : $"{container.Describe()} runs \"{sleep}\" before its real work, although the kubelet already waits for the startupProbe of {sidecar.Describe()}");
            }
        }
    }

    // A shell script that starts with a sleep and goes on: "sleep 5 && exec app", "sleep 10; app".
    [GeneratedRegex(@"^\s*(?<sleep>sleep\s+\d+(?:\.\d+)?s?)\s*(?:&&|;)\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingSleep();
}
