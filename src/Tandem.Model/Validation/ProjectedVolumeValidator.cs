using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>Projected and downward API volumes (validation.go <c>validateProjectedVolumeSource</c>, <c>validateDownwardAPIVolumeSource</c>).</summary>
internal static class ProjectedVolumeValidator
{
    private const string DuplicatePaths = "conflicting duplicate paths";

    /// <summary>
    /// <c>validateDownwardAPIVolumeSource</c>. The API server reports item errors on the volume's
    /// path, not the item's (<c>downwardAPI.path: Required value</c>); kept for identical output.
    /// </summary>
    public static IEnumerable<FieldError> DownwardApi(DownwardApiVolumeSource source, FieldPath path, ValidationOptions options)
    {
        var errors = new List<FieldError>(VolumeValidator.FileMode(source.DefaultMode, path.Child("defaultMode")));
        foreach (var file in source.Items ?? [])
        {
            errors.AddRange(DownwardApiFile(file ?? new DownwardApiVolumeFile(), path, options));
        }
        return errors;
    }

    /// <summary><c>validateProjectedVolumeSource</c> and <c>validateProjectionSources</c>: one type per source, no path twice.</summary>
    public static IEnumerable<FieldError> Projected(ProjectedVolumeSource source, FieldPath path, ValidationOptions options)
    {
        var errors = new List<FieldError>(VolumeValidator.FileMode(source.DefaultMode, path.Child("defaultMode")));
        var allPaths = new HashSet<string>(StringComparer.Ordinal);
        var sources = source.Sources ?? [];
        for (var i = 0; i < sources.Count; i++)
        {
            var projection = sources[i] ?? new VolumeProjection();
            var sourcePath = path.Child("sources").Index(i);
            var count = 0;
            if (projection.Secret is { } secret)
            {
                count++;
                errors.AddRange(KeyedSource(secret.Name, secret.Items, sourcePath.Child("secret"), path, allPaths));
            }
            if (projection.ConfigMap is { } configMap)
            {
                count++;
                errors.AddRange(KeyedSource(configMap.Name, configMap.Items, sourcePath.Child("configMap"), path, allPaths));
            }
            if (projection.DownwardAPI is { } downward)
            {
                count++;
                foreach (var file in downward.Items ?? [])
                {
                    var item = file ?? new DownwardApiVolumeFile();
                    errors.AddRange(DownwardApiFile(item, sourcePath.Child("downwardAPI"), options));
                    if (!string.IsNullOrEmpty(item.Path) && !allPaths.Add(item.Path))
                    {
                        errors.Add(FieldError.Invalid(path, item.Path, DuplicatePaths));
                    }
                }
            }
            if (projection.ServiceAccountToken is { } token)
            {
                count++;
                errors.AddRange(ServiceAccountToken(token, sourcePath.Child("serviceAccountToken"), path));
            }
            if (projection.ClusterTrustBundle is not null)
            {
                count++;
            }
            if (count > 1)
            {
                errors.Add(FieldError.Forbidden(sourcePath, "may not specify more than 1 volume type per source"));
            }
        }
        return errors;
    }

    /// <summary><c>validateDownwardAPIVolumeFile</c>: a local path and exactly one of fieldRef and resourceFieldRef.</summary>
    private static IEnumerable<FieldError> DownwardApiFile(DownwardApiVolumeFile file, FieldPath path, ValidationOptions options)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(file.Path))
        {
            errors.Add(FieldError.Required(path.Child("path")));
        }
        errors.AddRange(PathRules.LocalNonReserved(file.Path ?? "", path.Child("path")));
        if (file.FieldRef is { } fieldRef)
        {
            errors.AddRange(FieldSelectorValidator.ObjectField(fieldRef, FieldSelectorValidator.VolumeFieldPaths, path.Child("fieldRef"), options));
            if (file.ResourceFieldRef is not null)
            {
                errors.Add(FieldError.Invalid(path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
            }
        }
        else if (file.ResourceFieldRef is { } resourceRef)
        {
            errors.AddRange(FieldSelectorValidator.ResourceField(resourceRef, path.Child("resourceFieldRef"), inVolume: true));
        }
        else
        {
            errors.Add(FieldError.Required(path, "one of fieldRef and resourceFieldRef is required"));
        }
        errors.AddRange(VolumeValidator.FileMode(file.Mode, path.Child("mode")));
        return errors;
    }

    private static IEnumerable<FieldError> KeyedSource(
        string? name, IReadOnlyList<KeyToPath>? items, FieldPath path, FieldPath projectedPath, HashSet<string> allPaths)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(FieldError.Required(path.Child("name")));
        }
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var item = items![i] ?? new KeyToPath();
            errors.AddRange(VolumeValidator.KeyToPath(item, path.Child("items").Index(i)));
            if (!string.IsNullOrEmpty(item.Path) && !allPaths.Add(item.Path))
            {
                // The API server shows the source's name as the bad value here.
                errors.Add(FieldError.Invalid(projectedPath, name ?? "", DuplicatePaths));
            }
        }
        return errors;
    }

    /// <summary>Token lifetime 10 minutes to 2^32 seconds; the API server reports a missing path on the volume's path.</summary>
    private static IEnumerable<FieldError> ServiceAccountToken(ServiceAccountTokenProjection token, FieldPath path, FieldPath projectedPath)
    {
        // Defaulting sets expirationSeconds to 3600.
        if (token.ExpirationSeconds is < 600)
        {
            yield return FieldError.Invalid(path.Child("expirationSeconds"), token.ExpirationSeconds.Value, "may not specify a duration less than 10 minutes");
        }
        if (token.ExpirationSeconds is > 1L << 32)
        {
            yield return FieldError.Invalid(path.Child("expirationSeconds"), token.ExpirationSeconds.Value, "may not specify a duration larger than 2^32 seconds");
        }
        if (string.IsNullOrEmpty(token.Path))
        {
            yield return FieldError.Required(projectedPath.Child("path"));
        }
        else
        {
            foreach (var error in PathRules.LocalNonReserved(token.Path, projectedPath.Child("path")))
            {
                yield return error;
            }
        }
    }
}
