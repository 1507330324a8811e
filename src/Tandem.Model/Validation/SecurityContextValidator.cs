using System.Text.RegularExpressions;
using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>
/// Pod and container security contexts (validation.go <c>validatePodSpecSecurityContext</c>,
/// <c>ValidateSecurityContext</c>, <c>validateSysctls</c>, <c>validateSeccompProfileField</c>,
/// <c>ValidateAppArmorProfileField</c>).
/// </summary>
internal static partial class SecurityContextValidator
{
    private const int SysctlMaxLength = 253;
    private const string SysctlFormat = "([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
    private const string SysctlPattern = "^" + SysctlFormat + "$";

    private static readonly string[] FsGroupChangePolicies = ["Always", "OnRootMismatch"];
    private static readonly string[] SupplementalGroupsPolicies = ["Merge", "Strict"];
    private static readonly string[] SeLinuxChangePolicies = ["MountOption", "Recursive"];
    private static readonly string[] ProfileTypes = ["Localhost", "RuntimeDefault", "Unconfined"];
    private static readonly string[] ProcMountTypes = ["Default", "Unmasked"];

    /// <summary>IDs are Linux uid/gid values: 0 to 2^31-1 (apimachinery <c>IsValidUserID</c>, <c>IsValidGroupID</c>).</summary>
    public static IEnumerable<FieldError> Pod(PodSpec spec, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (spec.SecurityContext is not { } context)
        {
            return errors;
        }
        errors.AddRange(Id(context.FsGroup, path.Child("fsGroup")));
        errors.AddRange(Id(context.RunAsUser, path.Child("runAsUser")));
        errors.AddRange(Id(context.RunAsGroup, path.Child("runAsGroup")));
        var groups = context.SupplementalGroups ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            errors.AddRange(Id(groups[i], path.Child("supplementalGroups").Index(i)));
        }
        if (context.Sysctls is { Count: > 0 } sysctls)
        {
            errors.AddRange(Sysctls(sysctls, spec, path.Child("sysctls")));
        }
        errors.AddRange(OneOf(context.FsGroupChangePolicy, FsGroupChangePolicies, path.Child("fsGroupChangePolicy")));
        errors.AddRange(Seccomp(context.SeccompProfile, path.Child("seccompProfile")));
        errors.AddRange(AppArmor(context.AppArmorProfile, path.Child("appArmorProfile")));
        errors.AddRange(OneOf(context.SupplementalGroupsPolicy, SupplementalGroupsPolicies, path.Child("supplementalGroupsPolicy")));
        errors.AddRange(OneOf(context.SeLinuxChangePolicy, SeLinuxChangePolicies, path.Child("seLinuxChangePolicy")));
        return errors;
    }

    /// <summary>
    /// <c>ValidateSecurityContext</c>. Privileged containers are allowed: Tandem runs as the cluster
    /// admin (kube-apiserver <c>--allow-privileged=true</c>).
    /// </summary>
    public static IEnumerable<FieldError> Container(SecurityContext? context, FieldPath path, bool hostUsers)
    {
        var errors = new List<FieldError>();
        if (context is null)
        {
            return errors;
        }
        errors.AddRange(Id(context.RunAsUser, path.Child("runAsUser")));
        errors.AddRange(Id(context.RunAsGroup, path.Child("runAsGroup")));
        if (context.ProcMount is { } procMount)
        {
            errors.AddRange(OneOf(procMount, ProcMountTypes, path.Child("procMount")));
            if (hostUsers && procMount == "Unmasked")
            {
                errors.Add(FieldError.Invalid(path.Child("procMount"), procMount, "`hostUsers` must be false to use `Unmasked`"));
            }
        }
        errors.AddRange(Seccomp(context.SeccompProfile, path.Child("seccompProfile")));
        if (context.AllowPrivilegeEscalation == false)
        {
            if (context.Privileged == true)
            {
                errors.Add(FieldError.Invalid(path, FieldError.OmittedValue, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
            }
            if (context.Capabilities?.Add?.Contains("CAP_SYS_ADMIN") == true)
            {
                errors.Add(FieldError.Invalid(path, FieldError.OmittedValue, "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"));
            }
        }
        errors.AddRange(AppArmor(context.AppArmorProfile, path.Child("appArmorProfile")));
        return errors;
    }

    private static IEnumerable<FieldError> Id(long? id, FieldPath path)
    {
        if (id is < 0 or > int.MaxValue)
        {
            yield return FieldError.Invalid(path, id.Value, NameRules.InclusiveRange(0, int.MaxValue));
        }
    }

    private static IEnumerable<FieldError> OneOf(string? value, string[] supported, FieldPath path)
    {
        if (value is not null && !supported.Contains(value))
        {
            yield return FieldError.NotSupported(path, value, supported);
        }
    }

    /// <summary><c>validateSysctls</c> and <c>ValidateHostSysctl</c>: net.* needs the pod's own network, IPC sysctls its own IPC.</summary>
    private static IEnumerable<FieldError> Sysctls(IReadOnlyList<Sysctl> sysctls, PodSpec spec, FieldPath path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sysctls.Count; i++)
        {
            var name = sysctls[i]?.Name ?? "";
            var namePath = path.Index(i).Child("name");
            if (name.Length == 0)
            {
                yield return FieldError.Required(namePath);
            }
            else if (name.Length > SysctlMaxLength || !SysctlRegex().IsMatch(name))
            {
                yield return FieldError.Invalid(namePath, name, $"must have at most {SysctlMaxLength} characters and match regex {SysctlPattern}");
            }
            else if (names.Contains(name))
            {
                yield return FieldError.Duplicate(namePath, name);
            }
            var dotted = name.Replace('/', '.');
            if (spec.HostNetwork == true && dotted.StartsWith("net.", StringComparison.Ordinal))
            {
                yield return FieldError.Invalid(namePath, name, "may not be specified when 'hostNetwork' is true");
            }
            else if (spec.HostIPC == true && (dotted == "kernel.sem" || dotted.StartsWith("kernel.shm", StringComparison.Ordinal)
                || dotted.StartsWith("kernel.msg", StringComparison.Ordinal) || dotted.StartsWith("fs.mqueue.", StringComparison.Ordinal)))
            {
                yield return FieldError.Invalid(namePath, name, "may not be specified when 'hostIPC' is true");
            }
            names.Add(name);
        }
    }

    /// <summary><c>validateSeccompProfileField</c>: a type, and a local relative profile only for Localhost.</summary>
    private static IEnumerable<FieldError> Seccomp(SeccompProfile? profile, FieldPath path)
    {
        if (profile is null)
        {
            yield break;
        }
        if (string.IsNullOrEmpty(profile.Type))
        {
            yield return FieldError.Required(path.Child("type"), "type is required when seccompProfile is set");
        }
        else if (!ProfileTypes.Contains(profile.Type))
        {
            yield return FieldError.NotSupported(path.Child("type"), profile.Type, ProfileTypes);
        }
        if (profile.Type == "Localhost")
        {
            if (profile.LocalhostProfile is null)
            {
                yield return FieldError.Required(path.Child("localhostProfile"), "must be set when seccomp type is Localhost");
            }
            else
            {
                foreach (var error in PathRules.LocalDescending(profile.LocalhostProfile, path.Child("localhostProfile")))
                {
                    yield return error;
                }
            }
        }
        else if (profile.LocalhostProfile is not null)
        {
            yield return FieldError.Invalid(path.Child("localhostProfile"), profile.LocalhostProfile, "can only be set when seccomp type is Localhost");
        }
    }

    /// <summary><c>ValidateAppArmorProfileField</c>.</summary>
    private static IEnumerable<FieldError> AppArmor(AppArmorProfile? profile, FieldPath path)
    {
        if (profile is null)
        {
            yield break;
        }
        switch (profile.Type)
        {
            case "Localhost":
                var local = profile.LocalhostProfile;
                if (local is null or "")
                {
                    yield return FieldError.Required(path.Child("localhostProfile"), "must be set when AppArmor type is Localhost");
                }
                else if (local.Trim() != local)
                {
                    yield return FieldError.Invalid(path.Child("localhostProfile"), local, "must not be padded with whitespace");
                }
                if (local is { Length: > 4095 })
                {
                    yield return FieldError.TooLong(path.Child("localhostProfile"), 4095);
                }
                break;
            case "RuntimeDefault" or "Unconfined":
                if (profile.LocalhostProfile is not null)
                {
                    yield return FieldError.Invalid(path.Child("localhostProfile"), profile.LocalhostProfile, "can only be set when AppArmor type is Localhost");
                }
                break;
            case null or "":
                yield return FieldError.Required(path.Child("type"), "type is required when appArmorProfile is set");
                break;
            default:
                yield return FieldError.NotSupported(path.Child("type"), profile.Type, ProfileTypes);
                break;
        }
    }

    [GeneratedRegex("^" + SysctlFormat + "\\z")]
    private static partial Regex SysctlRegex();
}
