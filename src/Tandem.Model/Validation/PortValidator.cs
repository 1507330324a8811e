using System.Globalization;
using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;

namespace Tandem.Model.Validation;

/// <summary>Container ports and host ports (validation.go <c>validateContainerPorts</c>, <c>AccumulateUniqueHostPorts</c>, <c>validatePodHostNetworkDeps</c>).</summary>
internal static class PortValidator
{
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    /// <summary><c>validateContainerPorts</c>: an IANA name unique in the container, port numbers 1–65535, a known protocol.</summary>
    public static IEnumerable<FieldError> ContainerPorts(IReadOnlyList<ContainerPort>? ports, FieldPath path, ValidationOptions options)
    {
        var errors = new List<FieldError>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (ports?.Count ?? 0); i++)
        {
            var port = ports![i] ?? new ContainerPort();
            var portPath = path.Index(i);
            if (!string.IsNullOrEmpty(port.Name))
            {
                var messages = NameRules.PortName(port.Name);
                if (messages.Count > 0)
                {
                    errors.AddRange(messages.Select(message => FieldError.Invalid(portPath.Child("name"), port.Name, message)));
                }
                else if (!names.Add(port.Name))
                {
                    errors.Add(FieldError.Duplicate(portPath.Child("name"), port.Name));
                }
            }
            if (port.Number is null or 0)
            {
                errors.Add(FieldError.Required(portPath.Child("containerPort")));
            }
            else
            {
                errors.AddRange(NameRules.PortNumber(port.Number.Value).Select(message => FieldError.Invalid(portPath.Child("containerPort"), port.Number.Value, message)));
            }
            if (port.HostPort is { } hostPort and not 0)
            {
                errors.AddRange(NameRules.PortNumber(hostPort).Select(message => FieldError.Invalid(portPath.Child("hostPort"), hostPort, message)));
            }
            if (string.IsNullOrEmpty(port.Protocol))
            {
                if (options.DefaultsApplied)
                {
                    errors.Add(FieldError.Required(portPath.Child("protocol")));
                }
            }
            else if (!Protocols.Contains(port.Protocol))
            {
                errors.Add(FieldError.NotSupported(portPath.Child("protocol"), port.Protocol, Protocols));
            }
        }
        return errors;
    }

    /// <summary>
    /// <c>AccumulateUniqueHostPorts</c>: one protocol/hostIP/hostPort binding per pod. A missing
    /// protocol counts as its default, TCP.
    /// </summary>
    public static IEnumerable<FieldError> UniqueHostPorts(IReadOnlyList<Container?> containers, FieldPath path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < containers.Count; c++)
        {
            var ports = containers[c]?.Ports ?? [];
            for (var p = 0; p < ports.Count; p++)
            {
                if (ports[p]?.HostPort is not { } hostPort || hostPort == 0)
                {
                    continue;
                }
                var key = string.Create(CultureInfo.InvariantCulture, $"{ports[p]!.Protocol ?? "TCP"}/{ports[p]!.HostIP}/{hostPort}");
                if (!seen.Add(key))
                {
                    yield return FieldError.Duplicate(path.Index(c).Child("ports").Index(p).Child("hostPort"), key);
                }
            }
        }
    }

    /// <summary>
    /// <c>validatePodHostNetworkDeps</c>: with hostNetwork a pod's hostPort must equal its containerPort
    /// (defaulting copies containerPort into an unset hostPort).
    /// </summary>
    public static IEnumerable<FieldError> HostNetwork(PodSpec spec, FieldPath specPath, ValidationOptions options)
    {
        if (spec.HostNetwork != true)
        {
            yield break;
        }
        var containers = spec.Containers ?? [];
        for (var c = 0; c < containers.Count; c++)
        {
            var ports = containers[c]?.Ports ?? [];
            for (var p = 0; p < ports.Count; p++)
            {
                var port = ports[p] ?? new ContainerPort();
                if (port.HostPort is null && !options.DefaultsApplied)
                {
                    continue;
                }
                var hostPort = port.HostPort ?? 0;
                if (hostPort != (port.Number ?? 0))
                {
                    yield return FieldError.Invalid(
                        specPath.Child("containers").Index(c).Child("ports").Index(p).Child("hostPort"), hostPort,
                        "must match `containerPort` when `hostNetwork` is true");
                }
            }
        }
    }

    /// <summary><c>ValidatePortNumOrName</c>: a number 1–65535 or the name of a container port (an IANA_SVC_NAME).</summary>
    public static IEnumerable<FieldError> NumberOrName(IntOrString? port, FieldPath path)
    {
        if (port is { IsInt: false } named && named.StringValue is { } name)
        {
            return NameRules.PortName(name).Select(message => FieldError.Invalid(path, name, message));
        }
        var number = port?.IntValue ?? 0;
        return NameRules.PortNumber(number).Select(message => FieldError.Invalid(path, number, message));
    }
}
