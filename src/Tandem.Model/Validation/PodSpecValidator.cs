using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>A pod spec, in the order of validation.go <c>ValidatePodSpec</c>.</summary>
public static partial class PodSpecValidator
{
    private const int MaxDnsNameservers = 3;
    private const int MaxDnsSearchPaths = 32;
    private const int MaxDnsSearchListChars = 2048;

    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] DnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
    private static readonly string[] PreemptionPolicies = ["PreemptLowerPriority", "Never"];
    private static readonly string[] OperatingSystems = ["linux", "windows"];

    public static IReadOnlyList<FieldError> Validate(PodSpec? spec, FieldPath path, ValidationOptions? options = null)
    {
        options ??= ValidationOptions.Default;
        spec ??= new PodSpec();
        var errors = new List<FieldError>();
        var gracePeriod = spec.TerminationGracePeriodSeconds;
        if (gracePeriod is null && options.DefaultsApplied)
        {
            errors.Add(FieldError.Required(path.Child("terminationGracePeriodSeconds")));
        }
        else if (gracePeriod is < 0)
        {
            // The API server's registry rewrites a negative grace period to 1 before validating;
            // Tandem rejects it instead, so that what runs is what the manifest says.
            errors.Add(FieldError.Invalid(path.Child("terminationGracePeriodSeconds"), gracePeriod.Value, "must be greater than or equal to 0"));
        }
        errors.AddRange(VolumeValidator.Validate(spec.Volumes, path.Child("volumes"), options, out var volumes));
        var context = new PodValidationContext(volumes, gracePeriod, spec.HostUsers != false, options);
        errors.AddRange(ContainerValidator.Containers(spec.Containers, context, path.Child("containers")));
        errors.AddRange(ContainerValidator.InitContainers(spec.InitContainers, spec.Containers, context, path.Child("initContainers")));
        errors.AddRange(PortValidator.HostNetwork(spec, path, options));
        errors.AddRange(Choice(spec.RestartPolicy, RestartPolicies, path.Child("restartPolicy"), options));
        errors.AddRange(Choice(spec.DnsPolicy, DnsPolicies, path.Child("dnsPolicy"), options));
        errors.AddRange(ObjectMetaValidator.ValidateLabels(spec.NodeSelector, path.Child("nodeSelector")));
        errors.AddRange(SecurityContextValidator.Pod(spec, path.Child("securityContext")));
        errors.AddRange(DnsConfig(spec, path.Child("dnsConfig")));
        errors.AddRange(Name(spec.ServiceAccountName, NameRules.NameIsDnsSubdomain, path.Child("serviceAccountName")));
        errors.AddRange(Name(spec.NodeName, NameRules.NameIsDnsSubdomain, path.Child("nodeName")));
        if (spec.ActiveDeadlineSeconds is { } deadline && deadline is < 1 or > int.MaxValue)
        {
            errors.Add(FieldError.Invalid(path.Child("activeDeadlineSeconds"), deadline, NameRules.InclusiveRange(1, int.MaxValue)));
        }
        errors.AddRange(Name(spec.Hostname, (value, _) => NameRules.Dns1123Label(value), path.Child("hostname")));
        errors.AddRange(Name(spec.Subdomain, (value, _) => NameRules.Dns1123Label(value), path.Child("subdomain")));
        errors.AddRange(HostAliases(spec.HostAliases, path.Child("hostAliases")));
        errors.AddRange(Name(spec.PriorityClassName, NameRules.NameIsDnsSubdomain, path.Child("priorityClassName")));
        if (spec.RuntimeClassName is { } runtimeClass)
        {
            errors.AddRange(NameRules.NameIsDnsSubdomain(runtimeClass, false).Select(message => FieldError.Invalid(path.Child("runtimeClassName"), runtimeClass, message)));
        }
        if (spec.PreemptionPolicy is not null)
        {
            errors.AddRange(Choice(spec.PreemptionPolicy, PreemptionPolicies, path.Child("preemptionPolicy"), ValidationOptions.Default));
        }
        if (spec.Os is { } os)
        {
            errors.AddRange(string.IsNullOrEmpty(os.Name)
                ? [FieldError.Required(path.Child("os", "name"))]
                : Choice(os.Name, OperatingSystems, path.Child("os", "name"), options));
        }
        return errors;
    }

    /// <summary>
    /// <c>validateRestartPolicy</c>, <c>validateDNSPolicy</c>: a defaulted field, Required when empty and
    /// one of the listed values otherwise.
    /// </summary>
    private static IEnumerable<FieldError> Choice(string? value, string[] supported, FieldPath path, ValidationOptions options)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (options.DefaultsApplied)
            {
                yield return FieldError.Required(path);
            }
        }
        else if (!supported.Contains(value))
        {
            yield return FieldError.NotSupported(path, value, supported);
        }
    }

    private static IEnumerable<FieldError> Name(string? value, Func<string, bool, IReadOnlyList<string>> rule, FieldPath path) =>
        string.IsNullOrEmpty(value) ? [] : rule(value, false).Select(message => FieldError.Invalid(path, value, message));

    /// <summary><c>validatePodDNSConfig</c>: dnsPolicy None needs nameservers; at most 3 IPs and 32 search domains.</summary>
    private static IEnumerable<FieldError> DnsConfig(PodSpec spec, FieldPath path)
    {
        var config = spec.DnsConfig;
        if (spec.DnsPolicy == "None")
        {
            if (config is null)
            {
                yield return FieldError.Required(path, "must provide `dnsConfig` when `dnsPolicy` is None");
                yield break;
            }
            if (config.Nameservers is null || config.Nameservers.Count == 0)
            {
                yield return FieldError.Required(path.Child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None");
                yield break;
            }
        }
        if (config is null)
        {
            yield break;
        }
        var nameservers = config.Nameservers ?? [];
        if (nameservers.Count > MaxDnsNameservers)
        {
            yield return FieldError.Invalid(path.Child("nameservers"), string.Join(" ", nameservers), $"must not have more than {MaxDnsNameservers} nameservers");
        }
        for (var i = 0; i < nameservers.Count; i++)
        {
            foreach (var error in IpAddress(nameservers[i], path.Child("nameservers").Index(i)))
            {
                yield return error;
            }
        }
        var searches = config.Searches ?? [];
        if (searches.Count > MaxDnsSearchPaths)
        {
            yield return FieldError.Invalid(path.Child("searches"), string.Join(" ", searches), $"must not have more than {MaxDnsSearchPaths} search paths");
        }
        if (string.Join(" ", searches).Length > MaxDnsSearchListChars)
        {
            yield return FieldError.Invalid(path.Child("searches"), string.Join(" ", searches), $"must not have more than {MaxDnsSearchListChars} characters (including spaces) in the search list");
        }
        for (var i = 0; i < searches.Count; i++)
        {
            var search = (searches[i] ?? "").TrimEnd('.');
            foreach (var message in NameRules.Dns1123Subdomain(search))
            {
                yield return FieldError.Invalid(path.Child("searches").Index(i), search, message);
            }
        }
        var dnsOptions = config.Options ?? [];
        for (var i = 0; i < dnsOptions.Count; i++)
        {
            if (string.IsNullOrEmpty(dnsOptions[i]?.Name))
            {
                yield return FieldError.Required(path.Child("options").Index(i), "must not be empty");
            }
        }
    }

    /// <summary><c>ValidateHostAliases</c>: an IP and DNS subdomain hostnames.</summary>
    private static IEnumerable<FieldError> HostAliases(IReadOnlyList<HostAlias>? aliases, FieldPath path)
    {
        for (var i = 0; i < (aliases?.Count ?? 0); i++)
        {
            var alias = aliases![i] ?? new HostAlias();
            foreach (var error in IpAddress(alias.Ip, path.Index(i).Child("ip")))
            {
                yield return error;
            }
            var hostnames = alias.Hostnames ?? [];
            for (var j = 0; j < hostnames.Count; j++)
            {
                foreach (var message in NameRules.Dns1123Subdomain(hostnames[j] ?? ""))
                {
                    yield return FieldError.Invalid(path.Index(i).Child("hostnames").Index(j), hostnames[j] ?? "", message);
                }
            }
        }
    }

    /// <summary>apimachinery <c>IsValidIP</c>: Go's parser, so no short IPv4 forms, leading zeros or IPv6 zones.</summary>
    private static IEnumerable<FieldError> IpAddress(string? value, FieldPath path)
    {
        var text = value ?? "";
        var valid = text.Contains(':', StringComparison.Ordinal)
            ? !text.Contains('%', StringComparison.Ordinal) && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
            : Ipv4Regex().IsMatch(text);
        if (!valid)
        {
            yield return FieldError.Invalid(path, value ?? "", "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
        }
    }

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}\z")]
    private static partial Regex Ipv4Regex();
}
