using System.Text;
using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;
using Tandem.Server.Tables;

namespace Tandem.Cli.Describe;

/// <summary>
/// <c>describe pod</c> text shaped like kubectl's (<c>pkg/describe/describe.go</c> <c>describePod</c>): the pod's
/// identity and status, init containers (sidecars included), containers, conditions, volumes, QoS, node selectors,
/// tolerations and the pod's events. Pure: the pod, its events and the time go in, text comes out.
/// </summary>
public static class PodDescriber
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    public static string Describe(Pod pod, IReadOnlyList<Event>? events, DateTimeOffset now)
    {
        var text = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        var w = new DescribeWriter(text);
        var metadata = pod.Metadata;
        var spec = pod.Spec;
        var status = pod.Status;
        w.Line(0, $"Name:\t{metadata?.Name}");
        w.Line(0, $"Namespace:\t{metadata?.Namespace}");
        if (spec?.Priority is { } priority)
        {
            w.Line(0, $"Priority:\t{priority}");
        }
        if (!string.IsNullOrEmpty(spec?.PriorityClassName))
        {
            w.Line(0, $"Priority Class Name:\t{spec.PriorityClassName}");
        }
        if (!string.IsNullOrEmpty(spec?.RuntimeClassName))
        {
            w.Line(0, $"Runtime Class Name:\t{spec.RuntimeClassName}");
        }
        if (!string.IsNullOrEmpty(spec?.ServiceAccountName))
        {
            w.Line(0, $"Service Account:\t{spec.ServiceAccountName}");
        }
        w.Line(0, string.IsNullOrEmpty(spec?.NodeName) ? "Node:\t<none>" : $"Node:\t{spec.NodeName}/{status?.HostIP}");
        if (status?.StartTime is { } start)
        {
            w.Line(0, $"Start Time:\t{DescribeWriter.Time(start)}");
        }
        w.Map(0, "Labels", metadata?.Labels, "=");
        w.Map(0, "Annotations", metadata?.Annotations, ": ", key => key == LastApplied);
        if (metadata?.DeletionTimestamp is { } deleted && status?.Phase is not ("Failed" or "Succeeded"))
        {
            w.Line(0, $"Status:\tTerminating (lasts {HumanDuration.Since(deleted, now)})");
            w.Line(0, $"Termination Grace Period:\t{metadata.DeletionGracePeriodSeconds ?? 0}s");
        }
        else
        {
            w.Line(0, $"Status:\t{status?.Phase}");
        }
        if (!string.IsNullOrEmpty(status?.Reason))
        {
            w.Line(0, $"Reason:\t{status.Reason}");
        }
        if (!string.IsNullOrEmpty(status?.Message))
        {
            w.Line(0, $"Message:\t{status.Message}");
        }
        w.Line(0, $"IP:\t{status?.PodIP}");
        if (status?.PodIPs is { Count: > 0 } ips)
        {
            w.Line(0, "IPs:");
            foreach (var ip in ips)
            {
                w.Line(1, $"IP:\t{ip.Ip}");
            }
        }
        else
        {
            w.Line(0, "IPs:\t<none>");
        }
        if (metadata?.OwnerReferences?.FirstOrDefault(o => o.Controller == true) is { } owner)
        {
            w.Line(0, $"Controlled By:\t{owner.Kind}/{owner.Name}");
        }
        if (spec?.InitContainers is { Count: > 0 } init)
        {
            ContainerDescriber.Describe(w, "Init Containers", init, status?.InitContainerStatuses, pod);
        }
        ContainerDescriber.Describe(w, "Containers", spec?.Containers ?? [], status?.ContainerStatuses, pod);
        if (status?.Conditions is { Count: > 0 } conditions)
        {
            w.Line(0, "Conditions:");
            w.Line(1, "Type\tStatus");
            foreach (var condition in conditions)
            {
                // kubectl writes a space before each tab here; kept so the columns match.
                w.Line(1, $"{condition.Type} \t{condition.Status} ");
            }
        }
        VolumeDescriber.Describe(w, spec?.Volumes ?? []);
        w.Line(0, $"QoS Class:\t{status?.QosClass ?? QosClass(spec)}");
        w.Map(0, "Node-Selectors", spec?.NodeSelector, "=");
        w.MultiLine(0, "Tolerations", Tolerations(spec?.Tolerations));
        EventDescriber.Describe(w, events, now);
        w.Flush();
        return text.ToString();
    }

    private static List<string> Tolerations(JsonArray? tolerations)
    {
        var lines = new List<string>();
        foreach (var toleration in (tolerations ?? []).OfType<JsonObject>())
        {
            var line = new StringBuilder((string?)toleration["key"] ?? "");
            var value = (string?)toleration["value"] ?? "";
            if (value.Length > 0)
            {
                line.Append('=').Append(value);
            }
            if ((string?)toleration["effect"] is { Length: > 0 } effect)
            {
                line.Append(':').Append(effect);
            }
            if ((string?)toleration["operator"] == "Exists" && value.Length == 0)
            {
                line.Append(" op=Exists");
            }
            if (toleration["tolerationSeconds"] is JsonValue seconds)
            {
                line.Append(" for ").Append(seconds.ToJsonString()).Append('s');
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    // The API server fills status.qosClass; this is the fallback kubectl computes when it is missing (qos.GetPodQOS, simplified).
    private static string QosClass(PodSpec? spec)
    {
        var containers = (spec?.Containers ?? []).Concat(spec?.InitContainers ?? []).ToList();
        if (containers.All(c => c.Resources?.Requests is not { Count: > 0 } && c.Resources?.Limits is not { Count: > 0 }))
        {
            return "BestEffort";
        }
        var guaranteed = containers.All(c =>
            c.Resources?.Limits is { } limits && limits.ContainsKey("cpu") && limits.ContainsKey("memory") &&
            (c.Resources.Requests is null || c.Resources.Requests.All(r => limits.TryGetValue(r.Key, out var l) && l.Equals(r.Value))));
        return guaranteed ? "Guaranteed" : "Burstable";
    }
}
