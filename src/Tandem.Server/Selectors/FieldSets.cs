using Tandem.Model.CoreV1;
using Tandem.Model.Meta;

namespace Tandem.Server.Selectors;

/// <summary>
/// The selectable fields of each resource Tandem serves, and accessors that read them from an object. The lists
/// are those of the core/v1 field label conversions (pkg/apis/core/v1/conversion.go) and the registry
/// <c>ToSelectableFields</c> functions; <c>spec.host</c> is the legacy alias of <c>spec.nodeName</c>.
/// </summary>
public static class FieldSets
{
    public static FieldSet Pods { get; } = new("pods",
        "metadata.name", "metadata.namespace", "spec.nodeName", "spec.host", "spec.restartPolicy", "spec.schedulerName",
        "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName");

    public static FieldSet Events { get; } = new("events",
        "metadata.name", "metadata.namespace", "involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
        "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
        "reason", "reportingComponent", "source", "type");

    public static FieldSet ConfigMaps { get; } = new("configmaps", "metadata.name", "metadata.namespace");

    public static FieldSet Secrets { get; } = new("secrets", "metadata.name", "metadata.namespace", "type");

    public static FieldSet Namespaces { get; } = new("namespaces", "metadata.name", "metadata.namespace", "status.phase");

    /// <summary>The field set of a resource (plural, lower case), or null when Tandem does not serve it.</summary>
    public static FieldSet? ForResource(string resource) => resource switch
    {
        "pods" => Pods,
        "events" => Events,
        "configmaps" => ConfigMaps,
        "secrets" => Secrets,
        "namespaces" => Namespaces,
        _ => null,
    };

    public static Func<string, string?> Pod(Pod pod) => field => field switch
    {
        "spec.nodeName" or "spec.host" => pod.Spec?.NodeName,
        "spec.restartPolicy" => pod.Spec?.RestartPolicy,
        "spec.schedulerName" => pod.Spec?.SchedulerName,
        "spec.serviceAccountName" => pod.Spec?.ServiceAccountName,
        "spec.hostNetwork" => (pod.Spec?.HostNetwork ?? false) ? "true" : "false",
        "status.phase" => pod.Status?.Phase,
        // The registry selects on the first of podIPs (the primary IP), as status.podIP.
        "status.podIP" => pod.Status?.PodIPs is [var first, ..] ? first.Ip : pod.Status?.PodIP,
        "status.nominatedNodeName" => pod.Status?.NominatedNodeName,
        _ => Meta(pod.Metadata, field),
    };

    public static Func<string, string?> Event(Event e) => field => field switch
    {
        "involvedObject.kind" => e.InvolvedObject?.Kind,
        "involvedObject.namespace" => e.InvolvedObject?.Namespace,
        "involvedObject.name" => e.InvolvedObject?.Name,
        "involvedObject.uid" => e.InvolvedObject?.Uid,
        "involvedObject.apiVersion" => e.InvolvedObject?.ApiVersion,
        "involvedObject.resourceVersion" => e.InvolvedObject?.ResourceVersion,
        "involvedObject.fieldPath" => e.InvolvedObject?.FieldPath,
        "reason" => e.Reason,
        "reportingComponent" => e.ReportingComponent,
        "source" => e.Source?.Component,
        "type" => e.Type,
        _ => Meta(e.Metadata, field),
    };

    public static Func<string, string?> ConfigMap(ConfigMap configMap) => field => Meta(configMap.Metadata, field);

    public static Func<string, string?> Secret(Secret secret) => field => field == "type" ? secret.Type : Meta(secret.Metadata, field);

    public static Func<string, string?> Namespace(Namespace ns) => field => field == "status.phase" ? ns.Status?.Phase : Meta(ns.Metadata, field);

    private static string? Meta(ObjectMeta? metadata, string field) => field switch
    {
        "metadata.name" => metadata?.Name,
        "metadata.namespace" => metadata?.Namespace,
        _ => null,
    };
}
