using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>Downward API selectors, for env vars and volume files (validation.go <c>validateObjectFieldSelector</c>, <c>validateContainerResourceFieldSelector</c>).</summary>
internal static class FieldSelectorValidator
{
    /// <summary>validation.go <c>validEnvDownwardAPIFieldPathExpressions</c>, in <c>sets.List</c> order.</summary>
    public static readonly string[] EnvFieldPaths =
    [
        "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
        "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
    ];

    /// <summary>validation.go <c>validVolumeDownwardAPIFieldPathExpressions</c>, sorted.</summary>
    public static readonly string[] VolumeFieldPaths =
        ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"];

    private static readonly string[] ResourceFieldPaths =
        ["limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"];

    /// <summary>pods <c>ConvertDownwardAPIFieldLabel</c> for v1: every label a pod field selector may name.</summary>
    private static readonly HashSet<string> ConvertibleLabels =
    [
        "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid",
        "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName", "spec.schedulerName",
        "status.phase", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
    ];

    private static readonly string[] MemoryDivisors = ["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"];

    public static IEnumerable<FieldError> ObjectField(ObjectFieldSelector selector, string[] allowed, FieldPath path, ValidationOptions options)
    {
        if (string.IsNullOrEmpty(selector.ApiVersion))
        {
            // Defaulting sets apiVersion "v1"; without it the API server stops here.
            if (options.DefaultsApplied)
            {
                yield return FieldError.Required(path.Child("apiVersion"));
                yield break;
            }
        }
        if (string.IsNullOrEmpty(selector.FieldPath))
        {
            yield return FieldError.Required(path.Child("fieldPath"));
            yield break;
        }
        var version = string.IsNullOrEmpty(selector.ApiVersion) ? "v1" : selector.ApiVersion;
        var label = selector.FieldPath;
        var subscripted = SplitSubscript(label, out var fieldPath, out var subscript);
        string? conversionError = version != "v1" ? $"unsupported pod version: {version}"
            : subscripted && fieldPath is not ("metadata.annotations" or "metadata.labels") ? $"field label does not support subscript: {label}"
            : !subscripted && !ConvertibleLabels.Contains(label) && label != "spec.host" ? $"field label not supported: {label}"
            : null;
        if (conversionError is not null)
        {
            yield return FieldError.Invalid(path.Child("fieldPath"), label, "error converting fieldPath: " + conversionError);
            yield break;
        }
        if (subscripted)
        {
            var key = fieldPath == "metadata.annotations" ? subscript.ToLowerInvariant() : subscript;
            foreach (var message in NameRules.QualifiedName(key))
            {
                yield return FieldError.Invalid(path, key, message);
            }
            yield break;
        }
        var internalPath = label == "spec.host" ? "spec.nodeName" : label;
        if (!allowed.Contains(internalPath))
        {
            yield return FieldError.NotSupported(path.Child("fieldPath"), internalPath, allowed);
        }
    }

    public static IEnumerable<FieldError> ResourceField(ResourceFieldSelector selector, FieldPath path, bool inVolume)
    {
        var resource = selector.Resource ?? "";
        if (inVolume && string.IsNullOrEmpty(selector.ContainerName))
        {
            yield return FieldError.Required(path.Child("containerName"));
        }
        else if (resource.Length == 0)
        {
            yield return FieldError.Required(path.Child("resource"));
        }
        else if (!ResourceFieldPaths.Contains(resource)
            && !resource.StartsWith("requests.hugepages-", StringComparison.Ordinal)
            && !resource.StartsWith("limits.hugepages-", StringComparison.Ordinal))
        {
            yield return FieldError.NotSupported(path.Child("resource"), resource, ResourceFieldPaths);
        }
        if (selector.Divisor is not { IsZero: false } divisor)
        {
            yield break;
        }
        // validation.go validateContainerResourceDivisor
        var text = divisor.ToString();
        var message = resource switch
        {
            "limits.cpu" or "requests.cpu" when text is not ("1m" or "1") => "only divisor's values 1m and 1 are supported with the cpu resource",
            "limits.memory" or "requests.memory" when !MemoryDivisors.Contains(text) => "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource",
            "limits.ephemeral-storage" or "requests.ephemeral-storage" when !MemoryDivisors.Contains(text) => "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource",
            _ when resource.Contains(".hugepages-", StringComparison.Ordinal) && !MemoryDivisors.Contains(text) => "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource",
            _ => null,
        };
        if (message is not null)
        {
            yield return FieldError.Invalid(path.Child("divisor"), resource, message);
        }
    }

    /// <summary>fieldpath <c>SplitMaybeSubscriptedPath</c>: <c>metadata.labels['app']</c>.</summary>
    private static bool SplitSubscript(string label, out string fieldPath, out string subscript)
    {
        fieldPath = label;
        subscript = "";
        if (!label.EndsWith("']", StringComparison.Ordinal))
        {
            return false;
        }
        var trimmed = label[..^2];
        var open = trimmed.IndexOf("['", StringComparison.Ordinal);
        if (open <= 0)
        {
            return false;
        }
        fieldPath = trimmed[..open];
        subscript = trimmed[(open + 2)..];
        return true;
    }
}
