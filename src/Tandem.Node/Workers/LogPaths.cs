using System.Globalization;
using Tandem.Model.CoreV1;

namespace Tandem.Node.Workers;

/// <summary>The kubelet's log layout: <c>&lt;root&gt;/&lt;namespace&gt;_&lt;name&gt;_&lt;uid&gt;/&lt;container&gt;/&lt;restartCount&gt;.log</c>.</summary>
internal static class LogPaths
{
    public static string ForPod(string root, Pod pod) =>
        Path.Combine(root, $"{pod.Metadata?.Namespace ?? "default"}_{pod.Metadata?.Name}_{pod.Metadata?.Uid}");

    public static string ForContainer(string root, Pod pod, string container, int restartCount) =>
        Path.Combine(ForPod(root, pod), container, restartCount.ToString(CultureInfo.InvariantCulture) + ".log");
}
