using Tandem.Model.CoreV1;
using Tandem.Model.Validation;

namespace Tandem.Model.Lint.Rules;

/// <summary>
/// The sidecar pattern needs one pod: shared lifecycle, start order, localhost and emptyDir. Two
/// pods that exchange files through the same host directory have none of that.
/// </summary>
public sealed class SidecarSplitAcrossPodsRule : ILintRule
{
    public static readonly LintRuleInfo Rule = new(
        "sidecar-split-across-pods",
        LintSeverity.Warning,
        "Two pods share a hostPath directory: a main container and its helper split into separate pods.",
        "A helper in another pod has its own lifecycle: nothing starts it before the app, stops it after "
        + "the app, or restarts the pair together, and the directory on the host outlives both pods. "
        + "Containers that work on the same files belong in one pod, where they share an emptyDir volume, "
        + "start in order and stop in reverse order.",
        "Put the helper into the app's pod as a native sidecar (initContainers with restartPolicy: Always) "
        + "and replace the hostPath volume with an emptyDir volume mounted by both containers.");

    // Host-owned paths that many unrelated pods mount on purpose (node agents, runtimes, logs of
    // the node itself). Sharing these is not a split sidecar.
    private static readonly string[] HostOwned =
    [
        "/proc", "/sys", "/dev", "/etc", "/boot", "/usr", "/lib", "/var/log", "/var/lib/kubelet",
        "/var/lib/docker", "/var/lib/containerd", "/var/run/docker.sock", "/run/docker.sock",
        "/run/containerd", "/var/run/containerd", "/run/crio", "/var/run/crio",
    ];

    public LintRuleInfo Info => Rule;

    public IEnumerable<LintFinding> Check(LintContext context)
    {
        var mounted = context.Pods.Select(pod => (Pod: pod, Paths: HostPaths(pod).ToList())).ToList();
        foreach (var (pod, paths) in mounted)
        {
            foreach (var (path, field) in paths)
            {
                var other = mounted
                    .Where(m => m.Pod != pod)
                    .SelectMany(m => m.Paths.Where(p => Overlaps(p.Path, path)).Select(p => (m.Pod, p.Path)))
                    .FirstOrDefault();
                if (other.Pod is null)
                {
                    continue;
                }
                var where = other.Pod.Source.Document.Start.File == pod.Source.Document.Start.File
                    ? other.Pod.Name
                    : $"{other.Pod.Name} (in {other.Pod.Source.Document.Start.File})";
                yield return pod.Finding(Rule, field,
                    $"{pod.Name} and {where} share the host directory {path}"
                    + (other.Path == path ? "" : $" (as {other.Path})")
                    + "; if one is a helper of the other, it belongs in the same pod as a sidecar");
            }
        }
    }

    /// <summary>hostPath volumes that some container of the pod actually mounts.</summary>
    private static IEnumerable<(string Path, FieldPath Field)> HostPaths(LintedPod pod)
    {
        var volumes = pod.Spec.Volumes ?? [];
        for (var i = 0; i < volumes.Count; i++)
        {
            if (volumes[i] is { HostPath.Path: { Length: > 0 } path, Name: { } name }
                && !IsHostOwned(path)
                && pod.Containers.Any(c => (c.Container.VolumeMounts ?? []).Any(m => m.Name == name)))
            {
                yield return (Normalize(path), FieldPath.Root("spec").Child("volumes").Index(i).Child("hostPath", "path"));
            }
        }
    }

    private static bool IsHostOwned(string path)
    {
        var normal = Normalize(path);
        return normal == "/" || HostOwned.Any(owned => normal == owned || normal.StartsWith(owned + "/", StringComparison.Ordinal));
    }

    private static bool Overlaps(string a, string b) =>
        a == b || a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);

    private static string Normalize(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
