using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>
/// Pod volumes (validation.go <c>ValidateVolumes</c>, <c>validateVolumeSource</c>): a unique DNS-1123
/// name and exactly one source. Sources Tandem cannot run (nfs, csi, persistentVolumeClaim ...) are
/// valid here; lint reports them.
/// </summary>
public static class VolumeValidator
{
    /// <summary><c>fileModeErrorMsg</c>.</summary>
    internal const string FileModeMessage = "must be a number between 0 and 0777 (octal), both inclusive";

    private const string MoreThanOneType = "may not specify more than 1 volume type";

    /// <summary>validation.go <c>supportedHostPathTypes</c>, in <c>sets.List</c> order.</summary>
    private static readonly string[] HostPathTypes =
        ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

    /// <summary>
    /// Validates the volumes and returns the ones without errors by name: a mount of a volume that
    /// has errors is reported as Not found, as in the API server.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(
        IReadOnlyList<Volume>? volumes, FieldPath path, ValidationOptions options, out IReadOnlyDictionary<string, Volume> valid)
    {
        var errors = new List<FieldError>();
        var byName = new Dictionary<string, Volume>(StringComparer.Ordinal);
        for (var i = 0; i < (volumes?.Count ?? 0); i++)
        {
            var volume = volumes![i] ?? new Volume();
            var volumePath = path.Index(i);
            var namePath = volumePath.Child("name");
            var volumeErrors = ValidateSource(volume, volumePath, options).ToList();
            var name = volume.Name ?? "";
            if (name.Length == 0)
            {
                volumeErrors.Add(FieldError.Required(namePath));
            }
            else
            {
                volumeErrors.AddRange(NameRules.Dns1123Label(name).Select(message => FieldError.Invalid(namePath, name, message)));
            }
            if (byName.ContainsKey(name))
            {
                volumeErrors.Add(FieldError.Duplicate(namePath, name));
            }
            if (volumeErrors.Count == 0)
            {
                byName[name] = volume;
            }
            errors.AddRange(volumeErrors);
        }
        valid = byName;
        return errors;
    }

    /// <summary><c>validateVolumeSource</c>: the sources in the API server's order; a second one is Forbidden.</summary>
    private static IEnumerable<FieldError> ValidateSource(Volume volume, FieldPath path, ValidationOptions options)
    {
        var sources = new (string Field, object? Value, Func<FieldPath, IEnumerable<FieldError>>? Check)[]
        {
            ("emptyDir", volume.EmptyDir, p => EmptyDir(volume.EmptyDir!, p)),
            ("hostPath", volume.HostPath, p => HostPath(volume.HostPath!, p)),
            ("gitRepo", volume.GitRepo, null),
            ("gcePersistentDisk", volume.GcePersistentDisk, null),
            ("awsElasticBlockStore", volume.AwsElasticBlockStore, null),
            ("secret", volume.Secret, p => Secret(volume.Secret!, p)),
            ("nfs", volume.Nfs, null),
            ("iscsi", volume.Iscsi, null),
            ("glusterfs", volume.Glusterfs, null),
            ("flocker", volume.Flocker, null),
            ("persistentVolumeClaim", volume.PersistentVolumeClaim, p => PersistentVolumeClaim(volume.PersistentVolumeClaim!, p)),
            ("rbd", volume.Rbd, null),
            ("cinder", volume.Cinder, null),
            ("cephFS", volume.Cephfs, null),
            ("quobyte", volume.Quobyte, null),
            // The API server misspells this path in its Forbidden error; kept for identical output.
            ("downwarAPI", volume.DownwardAPI, p => ProjectedVolumeValidator.DownwardApi(volume.DownwardAPI!, path.Child("downwardAPI"), options)),
            ("fc", volume.Fc, null),
            ("flexVolume", volume.FlexVolume, null),
            ("configMap", volume.ConfigMap, p => ConfigMap(volume.ConfigMap!, p)),
            ("azureFile", volume.AzureFile, null),
            ("vsphereVolume", volume.VsphereVolume, null),
            ("photonPersistentDisk", volume.PhotonPersistentDisk, null),
            ("portworxVolume", volume.PortworxVolume, null),
            ("azureDisk", volume.AzureDisk, null),
            ("storageos", volume.Storageos, null),
            ("projected", volume.Projected, p => ProjectedVolumeValidator.Projected(volume.Projected!, p, options)),
            ("scaleIO", volume.ScaleIO, null),
            ("csi", volume.Csi, null),
            ("ephemeral", volume.Ephemeral, null),
            ("image", volume.Image, p => Image(volume.Image!, p, options)),
        };
        var count = 0;
        foreach (var (field, value, check) in sources)
        {
            if (value is null)
            {
                continue;
            }
            if (count > 0)
            {
                yield return FieldError.Forbidden(path.Child(field), MoreThanOneType);
                continue;
            }
            count++;
            foreach (var error in check?.Invoke(path.Child(field)) ?? [])
            {
                yield return error;
            }
        }
        // Defaulting turns a volume without a source into an emptyDir.
        if (count == 0 && options.DefaultsApplied)
        {
            yield return FieldError.Required(path, "must specify a volume type");
        }
    }

    private static IEnumerable<FieldError> EmptyDir(EmptyDirVolumeSource source, FieldPath path)
    {
        if (source.SizeLimit is { } limit && limit.Value < 0)
        {
            yield return FieldError.Forbidden(path.Child("sizeLimit"), "SizeLimit field must be a valid resource quantity");
        }
    }

    /// <summary><c>validateHostPathVolumeSource</c>: a path without '..' and a known type.</summary>
    private static IEnumerable<FieldError> HostPath(HostPathVolumeSource source, FieldPath path)
    {
        if (string.IsNullOrEmpty(source.Path))
        {
            return [FieldError.Required(path.Child("path"))];
        }
        var errors = new List<FieldError>(PathRules.NoBacksteps(source.Path, path.Child("path")));
        if (source.Type is { } type && !HostPathTypes.Contains(type))
        {
            errors.Add(FieldError.NotSupported(path.Child("type"), type, HostPathTypes));
        }
        return errors;
    }

    private static IEnumerable<FieldError> Secret(SecretVolumeSource source, FieldPath path)
    {
        if (string.IsNullOrEmpty(source.SecretName))
        {
            yield return FieldError.Required(path.Child("secretName"));
        }
        foreach (var error in FileMode(source.DefaultMode, path.Child("defaultMode")).Concat(KeyToPaths(source.Items, path.Child("items"))))
        {
            yield return error;
        }
    }

    private static IEnumerable<FieldError> ConfigMap(ConfigMapVolumeSource source, FieldPath path)
    {
        if (string.IsNullOrEmpty(source.Name))
        {
            yield return FieldError.Required(path.Child("name"));
        }
        foreach (var error in FileMode(source.DefaultMode, path.Child("defaultMode")).Concat(KeyToPaths(source.Items, path.Child("items"))))
        {
            yield return error;
        }
    }

    private static IEnumerable<FieldError> PersistentVolumeClaim(PersistentVolumeClaimVolumeSource source, FieldPath path)
    {
        if (string.IsNullOrEmpty(source.ClaimName))
        {
            yield return FieldError.Required(path.Child("claimName"));
        }
    }

    /// <summary><c>validateImageVolumeSource</c>: a pod's image volume needs a reference.</summary>
    private static IEnumerable<FieldError> Image(ImageVolumeSource source, FieldPath path, ValidationOptions options)
    {
        if (string.IsNullOrEmpty(source.Reference))
        {
            yield return FieldError.Required(path.Child("reference"));
        }
        foreach (var error in ContainerValidator.PullPolicy(source.PullPolicy, path.Child("pullPolicy"), options))
        {
            yield return error;
        }
    }

    internal static IEnumerable<FieldError> FileMode(int? mode, FieldPath path)
    {
        if (mode is < 0 or > 511)
        {
            yield return FieldError.Invalid(path, mode.Value, FileModeMessage);
        }
    }

    internal static IEnumerable<FieldError> KeyToPaths(IReadOnlyList<KeyToPath>? items, FieldPath path)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            foreach (var error in KeyToPath(items![i] ?? new KeyToPath(), path.Index(i)))
            {
                yield return error;
            }
        }
    }

    /// <summary><c>validateKeyToPath</c>.</summary>
    internal static IEnumerable<FieldError> KeyToPath(KeyToPath item, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(item.Key))
        {
            errors.Add(FieldError.Required(path.Child("key")));
        }
        if (string.IsNullOrEmpty(item.Path))
        {
            errors.Add(FieldError.Required(path.Child("path")));
        }
        errors.AddRange(PathRules.LocalNonReserved(item.Path ?? "", path.Child("path")));
        errors.AddRange(FileMode(item.Mode, path.Child("mode")));
        return errors;
    }
}
