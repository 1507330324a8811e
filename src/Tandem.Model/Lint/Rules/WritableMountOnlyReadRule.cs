using System.Text.RegularExpressions;
using Tandem.Model.Lint.Heuristics;

namespace Tandem.Model.Lint.Rules;

/// <summary>
/// Least privilege between the containers of a pod: a helper that only reads what another
/// container writes should not be able to change or delete it.
/// </summary>
public sealed partial class WritableMountOnlyReadRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "sidecar-mount-not-read-only",
        LintSeverity.Warning,
        "A container only reads a shared volume but mounts it read-write.",
        "A volume shared between containers is a contract: one writes, the others read. A reader that "
        + "mounts it read-write can truncate, rotate or delete the writer's files by mistake (a log "
        + "shipper that cleans up after itself, a bug in a config watcher), and a compromised helper can "
        + "tamper with what the app serves or executes.",
        "Add readOnly: true to the reader's volumeMount.");

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        foreach (var container in pod.Containers.Where(c => c.RunsAlongsideApp))
        {
            var text = string.Join(' ', ContainerText.Of(container).Select(t => t.Text));
            // Only a command that visibly reads and visibly never writes counts; anything else
            // (a config file we cannot see, a program we do not know) is left alone.
            if (!Reader().IsMatch(text) || Writer().IsMatch(text))
            {
                continue;
            }
            var mounts = container.Container.VolumeMounts ?? [];
            for (var i = 0; i < mounts.Count; i++)
            {
                var mount = mounts[i];
                if (mount.ReadOnly == true || mount.MountPath is not { Length: > 1 } at || !text.Contains(at, StringComparison.Ordinal)
                    || !IsWritableSharedVolume(pod, container, mount.Name))
                {
                    continue;
                }
                yield return pod.Finding(Rule, container.Path.Child("volumeMounts").Index(i),
                    $"{container.Describe()} only reads {at} (volume \"{mount.Name}\", shared with another container) but mounts it read-write");
            }
        }
    }

    private static bool IsWritableSharedVolume(LintedPod pod, PodContainer reader, string? name)
    {
        var volume = pod.Spec.Volumes?.FirstOrDefault(v => v.Name == name);
        // configMap, secret, downwardAPI and projected volumes are read-only whatever the mount says.
        return volume is { EmptyDir: not null } or { HostPath: not null }
            && pod.Containers.Any(c => c != reader && (c.Container.VolumeMounts ?? []).Any(m => m.Name == name));
    }

    [GeneratedRegex(@"\b(?:tail|cat|head|less|more|grep|zgrep|egrep|awk|wc|stat|ls|md5sum|sha256sum|inotifywait|watch)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Reader();

    [GeneratedRegex(@">|\b(?:tee|cp|mv|rm|touch|mkdir|ln|dd|install|chmod|chown|truncate|rsync|tar|unzip|gzip|logrotate|wget|curl|git|sed\s+-i)\b|--output\b", RegexOptions.CultureInvariant)]
    private static partial Regex Writer();
}
