using System.Globalization;

namespace Tandem.Node.Logs;

/// <summary>
/// Where a pod's container logs live, in the kubelet's layout so tools that know
/// <c>/var/log/pods</c> find them: <c>&lt;root&gt;/&lt;namespace&gt;_&lt;name&gt;_&lt;uid&gt;/&lt;container&gt;/&lt;restartCount&gt;.log</c>
/// (kubelet <c>BuildPodLogsDirectory</c>, <c>BuildContainerLogsDirectory</c>, <c>buildContainerLogsPath</c>).
/// One file per container instance, so the instance before a restart stays readable for <c>--previous</c>.
/// </summary>
public sealed class ContainerLogPaths(string root)
{
    private const string LogExtension = ".log";

    public string Root { get; } = root;

    public string PodDirectory(string podNamespace, string podName, string podUid) =>
        Path.Combine(Root, $"{podNamespace}_{podName}_{podUid}");

    public string PodDirectory(Model.CoreV1.Pod pod) =>
        PodDirectory(pod.Metadata?.Namespace ?? "default", pod.Metadata?.Name ?? "", pod.Metadata?.Uid ?? "");

    public string InstanceLog(Model.CoreV1.Pod pod, string container, int restartCount) =>
        InstanceLog(Path.Combine(PodDirectory(pod), container), restartCount);

    public string ContainerDirectory(string podNamespace, string podName, string podUid, string container) =>
        Path.Combine(PodDirectory(podNamespace, podName, podUid), container);

    public string InstanceLog(string podNamespace, string podName, string podUid, string container, int restartCount) =>
        InstanceLog(ContainerDirectory(podNamespace, podName, podUid, container), restartCount);

    public static string InstanceLog(string containerDirectory, int restartCount) =>
        Path.Combine(containerDirectory, restartCount.ToString(CultureInfo.InvariantCulture) + LogExtension);

    /// <summary>
    /// The log of the newest instance before <paramref name="currentRestartCount"/> that still has a
    /// file, or null: what <c>kubectl logs --previous</c> reads. Not simply <c>restartCount - 1</c>,
    /// because an instance that failed before it started never got a log.
    /// </summary>
    public string? Previous(string podNamespace, string podName, string podUid, string container, int currentRestartCount) =>
        Previous(ContainerDirectory(podNamespace, podName, podUid, container), currentRestartCount);

    /// <inheritdoc cref="Previous(string, string, string, string, int)"/>
    public static string? Previous(string containerDirectory, int currentRestartCount)
    {
        if (!Directory.Exists(containerDirectory))
        {
            return null;
        }
        var best = -1;
        foreach (var file in Directory.EnumerateFiles(containerDirectory, "*" + LogExtension))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var instance)
                && instance < currentRestartCount
                && instance > best)
            {
                best = instance;
            }
        }
        return best < 0 ? null : InstanceLog(containerDirectory, best);
    }
}
