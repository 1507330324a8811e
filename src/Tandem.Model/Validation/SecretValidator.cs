using System.Text;
using System.Text.Json;
using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>
/// A secret (validation.go <c>ValidateSecret</c>): valid keys, 1 MiB in all, and the keys its type
/// requires. <c>stringData</c> is merged into <c>data</c> before validation, as the API server's
/// conversion does, so its keys are reported under <c>data</c>.
/// </summary>
public static class SecretValidator
{
    public static IReadOnlyList<FieldError> Validate(Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var errors = new List<FieldError>(ObjectMetaValidator.Validate(secret.Metadata, requiresNamespace: true, NameRules.NameIsDnsSubdomain, FieldPath.Root("metadata")));
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in secret.Data ?? new Dictionary<string, byte[]>())
        {
            data[key] = value ?? [];
        }
        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            data[key] = Encoding.UTF8.GetBytes(value ?? "");
        }
        var dataPath = FieldPath.Root("data");
        long totalSize = 0;
        foreach (var (key, value) in data)
        {
            errors.AddRange(NameRules.ConfigMapKey(key).Select(message => FieldError.Invalid(dataPath.Key(key), key, message)));
            totalSize += value.Length;
        }
        if (totalSize > ConfigMapValidator.MaxSize)
        {
            errors.Add(FieldError.TooLong(dataPath, ConfigMapValidator.MaxSize));
        }
        errors.AddRange(TypeRules(secret, data, dataPath));
        return errors;
    }

    /// <summary>The keys each built-in secret type needs.</summary>
    private static IEnumerable<FieldError> TypeRules(Secret secret, Dictionary<string, byte[]> data, FieldPath dataPath)
    {
        switch (secret.Type)
        {
            case "kubernetes.io/service-account-token":
                if (string.IsNullOrEmpty(secret.Metadata?.Annotations?.GetValueOrDefault("kubernetes.io/service-account.name")))
                {
                    yield return FieldError.Required(FieldPath.Root("metadata").Child("annotations").Key("kubernetes.io/service-account.name"));
                }
                break;
            case "kubernetes.io/dockercfg":
                foreach (var error in JsonKey(data, ".dockercfg", dataPath))
                {
                    yield return error;
                }
                break;
            case "kubernetes.io/dockerconfigjson":
                foreach (var error in JsonKey(data, ".dockerconfigjson", dataPath))
                {
                    yield return error;
                }
                break;
            case "kubernetes.io/basic-auth":
                if (!data.ContainsKey("username") && !data.ContainsKey("password"))
                {
                    yield return FieldError.Required(dataPath.Key("username"));
                    yield return FieldError.Required(dataPath.Key("password"));
                }
                break;
            case "kubernetes.io/ssh-auth":
                if (data.GetValueOrDefault("ssh-privatekey") is not { Length: > 0 })
                {
                    yield return FieldError.Required(dataPath.Key("ssh-privatekey"));
                }
                break;
            case "kubernetes.io/tls":
                if (!data.ContainsKey("tls.crt"))
                {
                    yield return FieldError.Required(dataPath.Key("tls.crt"));
                }
                if (!data.ContainsKey("tls.key"))
                {
                    yield return FieldError.Required(dataPath.Key("tls.key"));
                }
                break;
        }
    }

    /// <summary>A docker config key must be present and hold a JSON object; its content is never echoed.</summary>
    private static IEnumerable<FieldError> JsonKey(Dictionary<string, byte[]> data, string key, FieldPath dataPath)
    {
        if (!data.TryGetValue(key, out var bytes))
        {
            yield return FieldError.Required(dataPath.Key(key));
            yield break;
        }
        string? problem = null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "json: cannot unmarshal into Go value of type map[string]interface {}";
            }
        }
        catch (JsonException exception)
        {
            // Go's encoding/json words its errors differently; the field and redaction match.
            problem = exception.Message;
        }
        if (problem is not null)
        {
            yield return FieldError.Invalid(dataPath.Key(key), "<secret contents redacted>", problem);
        }
    }
}
