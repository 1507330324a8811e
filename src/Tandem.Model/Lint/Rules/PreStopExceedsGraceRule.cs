using System.Globalization;
using System.Text.RegularExpressions;
using Tandem.Model.Validation;

namespace Tandem.Model.Lint.Rules;

/// <summary>
/// §1.H, P15: the preStop hook runs inside the termination grace period. A hook that lasts as long
/// as the grace period leaves nothing for the process to shut down: it gets SIGTERM and, 2 s later, SIGKILL.
/// </summary>
public sealed partial class PreStopExceedsGraceRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "prestop-exceeds-grace-period",
        LintSeverity.Error,
        "A preStop hook waits as long as or longer than the pod's terminationGracePeriodSeconds.",
        "The grace period is one budget for the preStop hook and the shutdown after it. When the hook "
        + "uses it up, the kubelet sends SIGTERM with the 2-second minimum and then SIGKILL: the "
        + "container is killed (exit 137) instead of draining, and sidecars that wait for the app to "
        + "exit get no time either, since all containers share the same clock.",
        "Make the preStop shorter than terminationGracePeriodSeconds, leaving room for the process's own "
        + "shutdown (for example preStop sleep 5 with a grace period of 30), or raise "
        + "terminationGracePeriodSeconds.");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        var grace = pod.GracePeriodSeconds;
        foreach (var container in pod.Containers.Where(c => c.RunsAlongsideApp))
        {
            if (Duration(container) is not { } hook || hook.Seconds < grace)
            {
                continue;
            }
            yield return pod.Finding(Rule, hook.Field,
                $"the preStop hook of {container.Describe()} waits {hook.Seconds} s, but terminationGracePeriodSeconds is {grace}: "
                + "the container is killed before it can shut down");
        }
    }

    /// <summary>How long the hook waits, when it says so: a sleep action, or an exec that runs <c>sleep N</c>.</summary>
    private static (long Seconds, FieldPath Field)? Duration(PodContainer container)
    {
        var preStop = container.Container.Lifecycle?.PreStop;
        var path = container.Path.Child("lifecycle", "preStop");
        if (preStop?.Sleep?.Seconds is { } seconds)
        {
            return (seconds, path.Child("sleep", "seconds"));
        }
        if (preStop?.Exec?.Command is { Count: > 0 } command)
        {
            var total = 0L;
            foreach (Match match in SleepCommand().Matches(string.Join(' ', command)))
            {
                total += long.Parse(match.Groups["n"].ValueSpan, CultureInfo.InvariantCulture);
            }
            return total > 0 ? (total, path.Child("exec", "command")) : null;
        }
        return null;
    }

    // "sleep 30" or "sleep 30s"; minutes and hours are rare in hooks and left alone.
    [GeneratedRegex(@"\bsleep\s+(?<n>\d{1,9})s?(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex SleepCommand();
}
