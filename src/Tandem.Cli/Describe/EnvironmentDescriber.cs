using Tandem.Model.CoreV1;

namespace Tandem.Cli.Describe;

/// <summary>The <c>Environment Variables from:</c> and <c>Environment:</c> lines of a container in <c>describe pod</c>.</summary>
internal static class EnvironmentDescriber
{
    public static void Describe(DescribeWriter w, Container container, Pod pod)
    {
        if (container.EnvFrom is { Count: > 0 } sources)
        {
            w.Line(2, "Environment Variables from:");
            foreach (var source in sources)
            {
                var (name, from, optional) = source.ConfigMapRef is { } cm ? (cm.Name, "ConfigMap", cm.Optional == true)
                    : source.SecretRef is { } secret ? (secret.Name, "Secret", secret.Optional == true) : ("", "", false);
                var prefix = string.IsNullOrEmpty(source.Prefix) ? "" : $" with prefix '{source.Prefix}'";
                w.Line(3, $"{name}\t{from}{prefix}\tOptional: {(optional ? "true" : "false")}");
            }
        }
        var variables = container.Env ?? [];
        w.Line(2, variables.Count == 0 ? "Environment:\t<none>" : "Environment:");
        foreach (var variable in variables)
        {
            if (variable.ValueFrom is not { } from)
            {
                var lines = (variable.Value ?? "").Split('\n');
                w.Line(3, $"{variable.Name}:\t{lines[0]}");
                foreach (var line in lines.Skip(1))
                {
                    w.Line(3, $"\t{line}");
                }
            }
            else if (from.FieldRef is { } field)
            {
                w.Line(3, $"{variable.Name}:\t{FieldValue(pod, field.FieldPath)} ({field.ApiVersion}:{field.FieldPath})");
            }
            else if (from.ResourceFieldRef is { } resource)
            {
                w.Line(3, $"{variable.Name}:\t ({resource.Resource})");
            }
            else if (from.SecretKeyRef is { } secret)
            {
                w.Line(3, $"{variable.Name}:\t<set to the key '{secret.Key}' in secret '{secret.Name}'>\tOptional: {(secret.Optional == true ? "true" : "false")}");
            }
            else if (from.ConfigMapKeyRef is { } map)
            {
                w.Line(3, $"{variable.Name}:\t<set to the key '{map.Key}' of config map '{map.Name}'>\tOptional: {(map.Optional == true ? "true" : "false")}");
            }
        }
    }

    // kubectl resolves downward-API field references against the pod it describes (EnvValueRetriever).
    private static string FieldValue(Pod pod, string? path) => path switch
    {
        "metadata.name" => pod.Metadata?.Name ?? "",
        "metadata.namespace" => pod.Metadata?.Namespace ?? "",
        "metadata.uid" => pod.Metadata?.Uid ?? "",
        "spec.nodeName" => pod.Spec?.NodeName ?? "",
        "spec.serviceAccountName" => pod.Spec?.ServiceAccountName ?? "",
        "status.hostIP" => pod.Status?.HostIP ?? "",
        "status.podIP" => pod.Status?.PodIP ?? "",
        _ when path?.StartsWith("metadata.labels['", StringComparison.Ordinal) == true => Lookup(pod.Metadata?.Labels, path),
        _ when path?.StartsWith("metadata.annotations['", StringComparison.Ordinal) == true => Lookup(pod.Metadata?.Annotations, path),
        _ => "",
    };

    private static string Lookup(IReadOnlyDictionary<string, string>? map, string path)
    {
        var start = path.IndexOf("['", StringComparison.Ordinal) + 2;
        var end = path.LastIndexOf("']", StringComparison.Ordinal);
        return end > start && map is not null && map.TryGetValue(path[start..end], out var value) ? value : "";
    }
}
