using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>Environment of a container (validation.go <c>ValidateEnv</c>, <c>validateEnvVarValueFrom</c>, <c>ValidateEnvFrom</c>).</summary>
internal static class EnvValidator
{
    public static IEnumerable<FieldError> Env(IReadOnlyList<EnvVar>? variables, FieldPath path, ValidationOptions options)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < (variables?.Count ?? 0); i++)
        {
            var variable = variables![i] ?? new EnvVar();
            var variablePath = path.Index(i);
            var name = variable.Name ?? "";
            if (name.Length == 0)
            {
                errors.Add(FieldError.Required(variablePath.Child("name")));
            }
            else
            {
                errors.AddRange(EnvVarName(name, options).Select(message => FieldError.Invalid(variablePath.Child("name"), name, message)));
            }
            if (variable.ValueFrom is { } source)
            {
                errors.AddRange(ValueFrom(source, !string.IsNullOrEmpty(variable.Value), variablePath.Child("valueFrom"), options));
            }
        }
        return errors;
    }

    /// <summary><c>ValidateEnvFrom</c>: a valid prefix and exactly one of configMapRef and secretRef.</summary>
    public static IEnumerable<FieldError> EnvFrom(IReadOnlyList<EnvFromSource>? sources, FieldPath path, ValidationOptions options)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < (sources?.Count ?? 0); i++)
        {
            var source = sources![i] ?? new EnvFromSource();
            var sourcePath = path.Index(i);
            if (!string.IsNullOrEmpty(source.Prefix))
            {
                errors.AddRange(EnvVarName(source.Prefix, options).Select(message => FieldError.Invalid(sourcePath.Child("prefix"), source.Prefix, message)));
            }
            var count = 0;
            if (source.ConfigMapRef is { } configMap)
            {
                count++;
                errors.AddRange(ReferencedName(configMap.Name, sourcePath.Child("configMapRef", "name")));
            }
            if (source.SecretRef is { } secret)
            {
                count++;
                errors.AddRange(ReferencedName(secret.Name, sourcePath.Child("secretRef", "name")));
            }
            // The API server reports these on the envFrom list, not the item.
            if (count == 0)
            {
                errors.Add(FieldError.Invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
            }
            else if (count > 1)
            {
                errors.Add(FieldError.Invalid(path, "", "may not have more than one field specified at a time"));
            }
        }
        return errors;
    }

    private static IReadOnlyList<string> EnvVarName(string name, ValidationOptions options) =>
        options.RelaxedEnvironmentVariableNames ? NameRules.RelaxedEnvVarName(name) : NameRules.EnvVarName(name);

    /// <summary><c>validateEnvVarValueFrom</c>: exactly one source, and no literal value beside it.</summary>
    private static IEnumerable<FieldError> ValueFrom(EnvVarSource source, bool hasValue, FieldPath path, ValidationOptions options)
    {
        var errors = new List<FieldError>();
        var count = 0;
        if (source.FieldRef is { } fieldRef)
        {
            count++;
            errors.AddRange(FieldSelectorValidator.ObjectField(fieldRef, FieldSelectorValidator.EnvFieldPaths, path.Child("fieldRef"), options));
        }
        if (source.ResourceFieldRef is { } resourceRef)
        {
            count++;
            errors.AddRange(FieldSelectorValidator.ResourceField(resourceRef, path.Child("resourceFieldRef"), inVolume: false));
        }
        if (source.ConfigMapKeyRef is { } configMapKey)
        {
            count++;
            errors.AddRange(KeySelector(configMapKey.Name, configMapKey.Key, path.Child("configMapKeyRef")));
        }
        if (source.SecretKeyRef is { } secretKey)
        {
            count++;
            errors.AddRange(KeySelector(secretKey.Name, secretKey.Key, path.Child("secretKeyRef")));
        }
        if (count == 0)
        {
            errors.Add(FieldError.Invalid(path, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
        }
        else if (hasValue)
        {
            errors.Add(FieldError.Invalid(path, "", "may not be specified when `value` is not empty"));
        }
        else if (count > 1)
        {
            errors.Add(FieldError.Invalid(path, "", "may not have more than one field specified at a time"));
        }
        return errors;
    }

    /// <summary>
    /// <c>validateConfigMapKeySelector</c> / <c>validateSecretKeySelector</c>: the name is checked as a
    /// DNS subdomain even when empty (the API server then prints the regex message for "").
    /// </summary>
    private static IEnumerable<FieldError> KeySelector(string? name, string? key, FieldPath path)
    {
        var errors = NameRules.NameIsDnsSubdomain(name ?? "", false).Select(message => FieldError.Invalid(path.Child("name"), name ?? "", message)).ToList();
        if (string.IsNullOrEmpty(key))
        {
            errors.Add(FieldError.Required(path.Child("key")));
        }
        else
        {
            errors.AddRange(NameRules.ConfigMapKey(key).Select(message => FieldError.Invalid(path.Child("key"), key, message)));
        }
        return errors;
    }

    /// <summary><c>validateConfigMapEnvSource</c> / <c>validateSecretEnvSource</c>: checked as a generateName prefix.</summary>
    private static IEnumerable<FieldError> ReferencedName(string? name, FieldPath path) =>
        string.IsNullOrEmpty(name)
            ? [FieldError.Required(path)]
            : NameRules.NameIsDnsSubdomain(name, true).Select(message => FieldError.Invalid(path, name, message));
}
