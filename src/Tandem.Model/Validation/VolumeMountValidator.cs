using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>Volume mounts and devices of a container (validation.go <c>ValidateVolumeMounts</c>, <c>ValidateVolumeDevices</c>).</summary>
internal static class VolumeMountValidator
{
    private static readonly string[] Propagations = ["Bidirectional", "HostToContainer", "None"];
    private static readonly string[] RecursiveReadOnlyModes = ["Disabled", "Enabled", "IfPossible"];

    /// <summary>
    /// A mount names a declared volume (Not found otherwise), has a unique mountPath, and its subPath or
    /// subPathExpr (mutually exclusive) is relative without '..'. As in the API server, the subPath,
    /// subPathExpr, mountPropagation and recursiveReadOnly errors carry the list's path, not the item's.
    /// </summary>
    public static IEnumerable<FieldError> Mounts(Container container, IReadOnlyDictionary<string, Volume> volumes, FieldPath path)
    {
        var errors = new List<FieldError>();
        var mounts = container.VolumeMounts ?? [];
        var devices = container.VolumeDevices ?? [];
        var mountPaths = new HashSet<string>(StringComparer.Ordinal);
        var privileged = container.SecurityContext?.Privileged == true;
        for (var i = 0; i < mounts.Count; i++)
        {
            var mount = mounts[i] ?? new VolumeMount();
            var mountPath = path.Index(i);
            var name = mount.Name ?? "";
            var target = mount.MountPath ?? "";
            if (name.Length == 0)
            {
                errors.Add(FieldError.Required(mountPath.Child("name")));
            }
            if (!volumes.TryGetValue(name, out var volume))
            {
                errors.Add(FieldError.NotFound(mountPath.Child("name"), name));
            }
            if (target.Length == 0)
            {
                errors.Add(FieldError.Required(mountPath.Child("mountPath")));
            }
            if (!mountPaths.Add(target))
            {
                errors.Add(FieldError.Invalid(mountPath.Child("mountPath"), target, "must be unique"));
            }
            if (devices.Any(device => device?.Name == name))
            {
                errors.Add(FieldError.Invalid(mountPath.Child("name"), name, "must not already exist in volumeDevices"));
            }
            if (devices.Any(device => device?.DevicePath == target))
            {
                errors.Add(FieldError.Invalid(mountPath.Child("mountPath"), target, "must not already exist as a path in volumeDevices"));
            }
            var subPath = mount.SubPath ?? "";
            var subPathExpr = mount.SubPathExpr ?? "";
            if (volume?.Image is not null)
            {
                if (subPath.Length > 0)
                {
                    errors.Add(FieldError.Invalid(mountPath.Child("subPath"), subPath, "not allowed in image volume sources"));
                }
                if (subPathExpr.Length > 0)
                {
                    errors.Add(FieldError.Invalid(mountPath.Child("subPathExpr"), subPathExpr, "not allowed in image volume sources"));
                }
            }
            if (subPath.Length > 0)
            {
                errors.AddRange(PathRules.LocalDescending(subPath, path.Child("subPath")));
            }
            if (subPathExpr.Length > 0)
            {
                if (subPath.Length > 0)
                {
                    errors.Add(FieldError.Invalid(mountPath.Child("subPathExpr"), subPathExpr, "subPathExpr and subPath are mutually exclusive"));
                }
                errors.AddRange(PathRules.LocalDescending(subPathExpr, path.Child("subPathExpr")));
            }
            errors.AddRange(Propagation(mount.MountPropagation, privileged, path.Child("mountPropagation")));
            errors.AddRange(RecursiveReadOnly(mount, path.Child("recursiveReadOnly")));
        }
        return errors;
    }

    /// <summary>Raw block devices: unique names and paths, a PVC or ephemeral volume, no clash with the mounts.</summary>
    public static IEnumerable<FieldError> Devices(Container container, IReadOnlyDictionary<string, Volume> volumes, FieldPath path)
    {
        var errors = new List<FieldError>();
        var mounts = container.VolumeMounts ?? [];
        var devices = container.VolumeDevices ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        var devicePaths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < devices.Count; i++)
        {
            var device = devices[i] ?? new VolumeDevice();
            var devicePath = path.Index(i);
            var name = device.Name ?? "";
            var target = device.DevicePath ?? "";
            var matched = volumes.TryGetValue(name, out var volume);
            if (name.Length == 0)
            {
                errors.Add(FieldError.Required(devicePath.Child("name")));
            }
            if (names.Contains(name))
            {
                errors.Add(FieldError.Invalid(devicePath.Child("name"), name, "must be unique"));
            }
            if (matched && volume!.PersistentVolumeClaim is null && volume.Ephemeral is null)
            {
                errors.Add(FieldError.Invalid(devicePath.Child("name"), name, "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"));
            }
            if (!matched)
            {
                errors.Add(FieldError.NotFound(devicePath.Child("name"), name));
            }
            if (target.Length == 0)
            {
                errors.Add(FieldError.Required(devicePath.Child("devicePath")));
            }
            if (devicePaths.Contains(target))
            {
                errors.Add(FieldError.Invalid(devicePath.Child("devicePath"), target, "must be unique"));
            }
            if (target.Length > 0 && PathRules.NoBacksteps(target, devicePath).Count > 0)
            {
                errors.Add(FieldError.Invalid(devicePath.Child("devicePath"), target, "can not contain backsteps ('..')"));
            }
            else
            {
                devicePaths.Add(target);
            }
            if (mounts.Any(mount => mount?.Name == name))
            {
                errors.Add(FieldError.Invalid(devicePath.Child("name"), name, "must not already exist in volumeMounts"));
            }
            if (mounts.Any(mount => mount?.MountPath == target))
            {
                errors.Add(FieldError.Invalid(devicePath.Child("devicePath"), target, "must not already exist as a path in volumeMounts"));
            }
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }
        return errors;
    }

    /// <summary><c>validateMountPropagation</c>: Bidirectional needs a privileged container.</summary>
    private static IEnumerable<FieldError> Propagation(string? propagation, bool privileged, FieldPath path)
    {
        if (propagation is null)
        {
            yield break;
        }
        if (!Propagations.Contains(propagation))
        {
            yield return FieldError.NotSupported(path, propagation, Propagations);
        }
        if (propagation == "Bidirectional" && !privileged)
        {
            yield return FieldError.Forbidden(path, "Bidirectional mount propagation is available only to privileged containers");
        }
    }

    /// <summary><c>validateMountRecursiveReadOnly</c>.</summary>
    private static IEnumerable<FieldError> RecursiveReadOnly(VolumeMount mount, FieldPath path)
    {
        switch (mount.RecursiveReadOnly)
        {
            case null or "Disabled":
                yield break;
            case "Enabled" or "IfPossible":
                if (mount.ReadOnly != true)
                {
                    yield return FieldError.Forbidden(path, "may only be specified when readOnly is true");
                }
                if (mount.MountPropagation is not null and not "None")
                {
                    yield return FieldError.Forbidden(path, "may only be specified when mountPropagation is None or not specified");
                }
                break;
            default:
                yield return FieldError.NotSupported(path, mount.RecursiveReadOnly, RecursiveReadOnlyModes);
                break;
        }
    }
}
