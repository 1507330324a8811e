using System.Text.RegularExpressions;
using Tandem.Model.Images;
using Tandem.Model.Lint.Heuristics;

namespace Tandem.Model.Lint.Rules;

/// <summary>
/// A helper that signals another container's process by name (a config reloader sending SIGHUP)
/// can only see it when the pod shares one PID namespace.
/// </summary>
public sealed partial class SignalWithoutSharedPidRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "signal-without-shared-process-namespace",
        LintSeverity.Warning,
        "A container signals a process of another container, but the pod does not share its process namespace.",
        "Each container has its own PID namespace unless the pod sets shareProcessNamespace: true. A "
        + "helper that runs pkill, killall, pidof or pgrep for a process of another container finds "
        + "nothing: the reload signal is never delivered and the app keeps its old configuration.",
        "Set spec.shareProcessNamespace: true (the app is then not PID 1 and sees the helper's processes), "
        + "or have the app reload on its own, for example by watching its config file.");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        if (pod.Spec.ShareProcessNamespace == true || pod.Spec.HostPID == true)
        {
            yield break;
        }
        var alongside = pod.Containers.Where(c => c.RunsAlongsideApp).ToList();
        foreach (var container in alongside)
        {
            foreach (var text in ContainerText.Of(container))
            {
                var hit = ProcessLookup().Matches(text.Text)
                    .Select(m => (Tool: m.Groups["tool"].Value, Target: m.Groups["target"].Value))
                    .Select(m => (m.Tool, m.Target, Owner: alongside.FirstOrDefault(o => o != container && Runs(o, m.Target))))
                    .FirstOrDefault(m => m.Owner is not null);
                if (hit.Owner is not null)
                {
                    yield return pod.Finding(Rule, text.Path,
                        $"{container.Describe()} runs {hit.Tool} {hit.Target}, a process of {hit.Owner.Describe()}, "
                        + "but without shareProcessNamespace: true it cannot see that process");
                    break;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> is plausibly the program of <paramref name="container"/>.</summary>
    private static bool Runs(PodContainer container, string name)
    {
        if (container.Container.Command is { Count: > 0 } command)
        {
            return Path.GetFileName(command[0]) == name || container.Name == name;
        }
        var image = ImageReference.TryParse(container.Container.Image)?.Repository;
        return container.Name == name || (image is not null && image[(image.LastIndexOf('/') + 1)..] == name);
    }

    // The tools that find a process by name: "pkill -HUP nginx", "killall -s HUP nginx", "$(pidof nginx)".
    [GeneratedRegex(@"\b(?<tool>pkill|killall|pidof|pgrep)\b(?:\s+-(?:s\s+)?[\w-]+)*\s+(?<target>[A-Za-z][\w.-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ProcessLookup();
}
