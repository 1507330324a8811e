using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>A config map (validation.go <c>ValidateConfigMap</c>): valid keys, no key in both maps, 1 MiB in all.</summary>
public static class ConfigMapValidator
{
    /// <summary><c>core.MaxSecretSize</c>, which also bounds config maps.</summary>
    public const int MaxSize = 1024 * 1024;

    public static IReadOnlyList<FieldError> Validate(ConfigMap configMap)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        var errors = new List<FieldError>(ObjectMetaValidator.Validate(configMap.Metadata, requiresNamespace: true, NameRules.NameIsDnsSubdomain, FieldPath.Root("metadata")));
        long totalSize = 0;
        var binary = configMap.BinaryData ?? new Dictionary<string, byte[]>();
        foreach (var (key, value) in configMap.Data ?? new Dictionary<string, string>())
        {
            var keyPath = FieldPath.Root("data").Key(key);
            errors.AddRange(NameRules.ConfigMapKey(key).Select(message => FieldError.Invalid(keyPath, key, message)));
            if (binary.ContainsKey(key))
            {
                errors.Add(FieldError.Invalid(keyPath, key, "duplicate of key present in binaryData"));
            }
            totalSize += System.Text.Encoding.UTF8.GetByteCount(value ?? "");
        }
        foreach (var (key, value) in binary)
        {
            errors.AddRange(NameRules.ConfigMapKey(key).Select(message => FieldError.Invalid(FieldPath.Root("binaryData").Key(key), key, message)));
            totalSize += value?.Length ?? 0;
        }
        if (totalSize > MaxSize)
        {
            // The API server reports the whole object with an empty path.
            errors.Add(FieldError.TooLong(FieldPath.Root(""), MaxSize));
        }
        return errors;
    }
}
