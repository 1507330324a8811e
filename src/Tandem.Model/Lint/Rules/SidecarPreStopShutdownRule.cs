using System.Text.RegularExpressions;
using Tandem.Model.CoreV1;
using Tandem.Model.Validation;

namespace Tandem.Model.Lint.Rules;

/// <summary>
/// T2, T3, P6: a sidecar's preStop runs as soon as pod termination starts, at the same time as the
/// app's, while its SIGTERM waits until the app has exited. A preStop that stops the sidecar
/// undoes that ordering: the helper is gone while the app still drains through it.
/// </summary>
public sealed partial class SidecarPreStopShutdownRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "sidecar-prestop-shutdown",
        LintSeverity.Warning,
        "A sidecar's preStop hook shuts the sidecar down, while the app may still need it.",
        "When a pod stops, every container's preStop hook starts at once, sidecars included; only the "
        + "SIGTERM to a sidecar waits until the regular containers (and the sidecars after it) have "
        + "exited. A sidecar whose preStop kills it or calls its shutdown endpoint is gone while the app "
        + "is still draining: the app's last requests through the proxy fail, its last log lines are "
        + "not shipped. Nothing restarts it during termination.",
        "Remove the preStop hook and let the sidecar stop on SIGTERM, which the kubelet sends after the "
        + "app has exited. If the sidecar must drain, do it in its SIGTERM handler.");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        foreach (var sidecar in pod.Sidecars)
        {
            var preStop = sidecar.Container.Lifecycle?.PreStop;
            var path = sidecar.Path.Child("lifecycle", "preStop");
            if (Shutdown(preStop, path) is { } hit)
            {
                yield return pod.Finding(Rule, hit.Field,
                    $"the preStop hook of {sidecar.Describe()} runs \"{hit.What}\", which stops it as soon as the pod starts "
                    + "terminating, before the app it serves has exited");
            }
        }
    }

    private static (string What, FieldPath Field)? Shutdown(LifecycleHandler? preStop, FieldPath path)
    {
        if (preStop?.Exec?.Command is { Count: > 0 } command && ShutdownCommand().Match(string.Join(' ', command)) is { Success: true } match)
        {
            return (match.Value, path.Child("exec", "command"));
        }
        if (preStop?.HttpGet?.Path is { } url && ShutdownPath().IsMatch(url))
        {
            return ($"GET {url}", path.Child("httpGet", "path"));
        }
        return null;
    }

    [GeneratedRegex(@"\b(?:kill|pkill|killall)\b[^;&|]*|\b(?:nginx|openresty)\s+-s\s+(?:quit|stop)\b|\bpilot-agent\s+request\s+POST\s+quitquitquit\b|\bcurl\b[^;&|]*/(?:quitquitquit|shutdown|quit)\b[^;&|]*", RegexOptions.CultureInvariant)]
    private static partial Regex ShutdownCommand();

    [GeneratedRegex(@"/(?:quitquitquit|shutdown|quit|exit)/?$", RegexOptions.CultureInvariant)]
    private static partial Regex ShutdownPath();
}
