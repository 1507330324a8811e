using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tandem.Model.Primitives;

namespace Tandem.Model.CoreV1;

/// <summary>What a pod should run: its containers, volumes and lifecycle settings.</summary>
public sealed record PodSpec
{
    public IReadOnlyList<Volume>? Volumes { get; init; }

    public IReadOnlyList<Container>? InitContainers { get; init; }

    public IReadOnlyList<Container>? Containers { get; init; }

    public JsonArray? EphemeralContainers { get; init; }

    public string? RestartPolicy { get; init; }

    public long? TerminationGracePeriodSeconds { get; init; }

    public long? ActiveDeadlineSeconds { get; init; }

    public string? DnsPolicy { get; init; }

    public IReadOnlyDictionary<string, string>? NodeSelector { get; init; }

    public string? ServiceAccountName { get; init; }

    public string? ServiceAccount { get; init; }

    public bool? AutomountServiceAccountToken { get; init; }

    public string? NodeName { get; init; }

    public bool? HostNetwork { get; init; }

    public bool? HostPID { get; init; }

    public bool? HostIPC { get; init; }

    public bool? ShareProcessNamespace { get; init; }

    public PodSecurityContext? SecurityContext { get; init; }

    public IReadOnlyList<LocalObjectReference>? ImagePullSecrets { get; init; }

    public string? Hostname { get; init; }

    public string? Subdomain { get; init; }

    public JsonObject? Affinity { get; init; }

    public string? SchedulerName { get; init; }

    public JsonArray? Tolerations { get; init; }

    public IReadOnlyList<HostAlias>? HostAliases { get; init; }

    public string? PriorityClassName { get; init; }

    public int? Priority { get; init; }

    [JsonPropertyName("dnsConfig")]
    public PodDnsConfig? DnsConfig { get; init; }

    public JsonArray? ReadinessGates { get; init; }

    public string? RuntimeClassName { get; init; }

    public bool? EnableServiceLinks { get; init; }

    public string? PreemptionPolicy { get; init; }

    public IReadOnlyDictionary<string, Quantity>? Overhead { get; init; }

    public JsonArray? TopologySpreadConstraints { get; init; }

    public bool? SetHostnameAsFQDN { get; init; }

    [JsonPropertyName("os")]
    public PodOS? Os { get; init; }

    public bool? HostUsers { get; init; }

    public JsonArray? SchedulingGates { get; init; }

    public JsonArray? ResourceClaims { get; init; }

    public ResourceRequirements? Resources { get; init; }
}
