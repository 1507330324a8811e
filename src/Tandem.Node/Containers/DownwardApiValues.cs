using System.Globalization;
using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;

namespace Tandem.Node.Containers;

/// <summary>
/// Values of the downward API: pod fields (<c>fieldRef</c>) and container resources
/// (<c>resourceFieldRef</c>), as the kubelet computes them (kubelet_pods.go
/// <c>podFieldSelectorRuntimeValue</c>, resource/helpers.go <c>ExtractContainerResourceValue</c>).
/// </summary>
public static class DownwardApiValues
{
    public static string FieldValue(Pod pod, string fieldPath, PodFacts facts)
    {
        var meta = pod.Metadata ?? new();
        switch (fieldPath)
        {
            case "metadata.name": return meta.Name ?? "";
            case "metadata.namespace": return meta.Namespace ?? "default";
            case "metadata.uid": return meta.Uid ?? "";
            case "metadata.labels": return FormatMap(meta.Labels);
            case "metadata.annotations": return FormatMap(meta.Annotations);
            case "spec.nodeName": return facts.NodeName;
            case "spec.serviceAccountName": return pod.Spec?.ServiceAccountName ?? "default";
            case "status.hostIP": case "status.hostIPs": return facts.HostIp;
            case "status.podIP": case "status.podIPs": return facts.PodIp;
        }
        if (TrySubscript(fieldPath, "metadata.labels", out var label))
        {
            return meta.Labels?.GetValueOrDefault(label) ?? "";
        }
        if (TrySubscript(fieldPath, "metadata.annotations", out var annotation))
        {
            return meta.Annotations?.GetValueOrDefault(annotation) ?? "";
        }
        throw new ContainerConfigError($"unsupported fieldPath: {fieldPath}");
    }

    /// <summary>
    /// A resource of a container divided by the divisor and rounded up; a limit the container
    /// does not set is the node's capacity, a request it does not set is 0.
    /// </summary>
    public static string ResourceValue(Container container, string resource, Quantity? divisor, PodFacts facts)
    {
        var dot = resource.IndexOf('.', StringComparison.Ordinal);
        var kind = dot < 0 ? "" : resource[..dot];
        var name = dot < 0 ? resource : resource[(dot + 1)..];
        var map = kind == "limits" ? container.Resources?.Limits : container.Resources?.Requests;
        decimal amount;
        if (map is not null && map.TryGetValue(name, out var set))
        {
            amount = set.Value;
        }
        else if (kind == "limits")
        {
            amount = name switch
            {
                "cpu" => facts.NodeCpuCores,
                "memory" => facts.NodeMemoryBytes,
                "ephemeral-storage" => facts.NodeEphemeralStorageBytes,
                _ => throw new ContainerConfigError($"unsupported container resource: {resource}"),
            };
        }
        else
        {
            amount = 0;
        }
        var by = divisor is { IsZero: false } d ? d.Value : 1m;
        var value = Math.Ceiling(amount / by);
        // The kubelet never reports less than one core (or one divisor unit) for a CPU limit.
        if (name == "cpu" && kind == "limits" && value < 1)
        {
            value = 1;
        }
        return value.ToString("0", CultureInfo.InvariantCulture);
    }

    /// <summary>Labels or annotations as the downward API writes them: <c>key="value"</c>, sorted, one a line.</summary>
    public static string FormatMap(IReadOnlyDictionary<string, string>? map) =>
        map is null ? "" : string.Join("\n", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Quote(p.Value)}"));

    private static bool TrySubscript(string path, string field, out string key)
    {
        key = "";
        var prefix = field + "['";
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith("']", StringComparison.Ordinal))
        {
            return false;
        }
        key = path[prefix.Length..^2];
        return true;
    }

    /// <summary>Go's <c>strconv.Quote</c> for label and annotation values.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
