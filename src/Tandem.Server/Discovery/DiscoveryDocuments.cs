using System.Buffers;
using System.Text.Json;

namespace Tandem.Server.Discovery;

/// <summary>
/// The discovery documents (spec 3.2), built once: legacy <c>/api</c>, <c>/apis</c> and <c>/api/v1</c>, and the
/// aggregated <c>APIGroupDiscoveryList</c> for v2 and v2beta1 (the same body but for apiVersion).
/// </summary>
internal static class DiscoveryDocuments
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    private static readonly Resource[] Served =
    [
        new("pods", "pod", "Pod", true, AllVerbs, ["po"], ["all"]),
        new("events", "event", "Event", true, AllVerbs, ["ev"], []),
        new("configmaps", "configmap", "ConfigMap", true, AllVerbs, ["cm"], []),
        new("secrets", "secret", "Secret", true, AllVerbs, [], []),
        new("namespaces", "namespace", "Namespace", false, ["create", "delete", "get", "list", "patch", "update", "watch"], ["ns"], []),
        new("services", "service", "Service", true, ["get", "list", "watch"], ["svc"], ["all"]),
    ];

    private static readonly Subresource[] PodSubresources =
    [
        new("attach", "PodAttachOptions", ["create", "get"]),
        new("exec", "PodExecOptions", ["create", "get"]),
        new("log", "Pod", ["get"]),
        new("portforward", "PodPortForwardOptions", ["create", "get"]),
        new("status", "Pod", ["get", "patch", "update"]),
    ];

    public static readonly byte[] ApiVersions = Build(w =>
    {
        w.WriteString("kind", "APIVersions");
        w.WriteStartArray("versions");
        w.WriteStringValue("v1");
        w.WriteEndArray();
        w.WriteStartArray("serverAddressByClientCIDRs");
        w.WriteEndArray();
    });

    public static readonly byte[] ApiGroupList = Build(w =>
    {
        w.WriteString("kind", "APIGroupList");
        w.WriteString("apiVersion", "v1");
        w.WriteStartArray("groups");
        w.WriteEndArray();
    });

    public static readonly byte[] V1ResourceList = Build(w =>
    {
        w.WriteString("kind", "APIResourceList");
        w.WriteString("groupVersion", "v1");
        w.WriteStartArray("resources");
        foreach (var resource in Served)
        {
            WriteLegacy(w, resource.Name, resource.Singular, resource.Namespaced, resource.Kind, resource.Verbs, resource.ShortNames, resource.Categories);
            if (resource.Name == "pods")
            {
                foreach (var sub in PodSubresources)
                {
                    WriteLegacy(w, "pods/" + sub.Name, "", true, sub.Kind, sub.Verbs, [], []);
                }
            }
        }
        w.WriteEndArray();
    });

    public static byte[] AggregatedCore(string version) => version == "v2" ? CoreV2 : CoreV2Beta1;

    public static byte[] AggregatedGroups(string version) => version == "v2" ? GroupsV2 : GroupsV2Beta1;

    public static string AggregatedContentType(string version) =>
        $"application/json;g=apidiscovery.k8s.io;v={version};as=APIGroupDiscoveryList";

    private static readonly byte[] CoreV2 = Aggregated("v2", core: true);
    private static readonly byte[] CoreV2Beta1 = Aggregated("v2beta1", core: true);
    private static readonly byte[] GroupsV2 = Aggregated("v2", core: false);
    private static readonly byte[] GroupsV2Beta1 = Aggregated("v2beta1", core: false);

    private static byte[] Aggregated(string version, bool core) => Build(w =>
    {
        w.WriteString("kind", "APIGroupDiscoveryList");
        w.WriteString("apiVersion", "apidiscovery.k8s.io/" + version);
        w.WriteStartObject("metadata");
        w.WriteEndObject();
        w.WriteStartArray("items");
        if (core)
        {
            w.WriteStartObject();
            w.WriteStartObject("metadata");
            w.WriteNull("creationTimestamp");
            w.WriteEndObject();
            w.WriteStartArray("versions");
            w.WriteStartObject();
            w.WriteString("version", "v1");
            w.WriteString("freshness", "Current");
            w.WriteStartArray("resources");
            foreach (var resource in Served)
            {
                WriteAggregated(w, resource);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    private static void WriteAggregated(Utf8JsonWriter w, Resource resource)
    {
        w.WriteStartObject();
        w.WriteString("resource", resource.Name);
        WriteKind(w, "responseKind", resource.Kind);
        w.WriteString("scope", resource.Namespaced ? "Namespaced" : "Cluster");
        w.WriteString("singularResource", resource.Singular);
        WriteStrings(w, "verbs", resource.Verbs);
        if (resource.ShortNames.Length > 0)
        {
            WriteStrings(w, "shortNames", resource.ShortNames);
        }
        if (resource.Categories.Length > 0)
        {
            WriteStrings(w, "categories", resource.Categories);
        }
        if (resource.Name == "pods")
        {
            w.WriteStartArray("subresources");
            foreach (var sub in PodSubresources)
            {
                w.WriteStartObject();
                w.WriteString("subresource", sub.Name);
                WriteKind(w, "responseKind", sub.Kind);
                WriteStrings(w, "verbs", sub.Verbs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteLegacy(Utf8JsonWriter w, string name, string singular, bool namespaced, string kind, string[] verbs, string[] shortNames, string[] categories)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("singularName", singular);
        w.WriteBoolean("namespaced", namespaced);
        w.WriteString("kind", kind);
        WriteStrings(w, "verbs", verbs);
        if (shortNames.Length > 0)
        {
            WriteStrings(w, "shortNames", shortNames);
        }
        if (categories.Length > 0)
        {
            WriteStrings(w, "categories", categories);
        }
        w.WriteEndObject();
    }

    private static void WriteKind(Utf8JsonWriter w, string property, string kind)
    {
        w.WriteStartObject(property);
        w.WriteString("group", "");
        w.WriteString("version", "v1");
        w.WriteString("kind", kind);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string property, string[] values)
    {
        w.WriteStartArray(property);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
    }

    private static byte[] Build(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private sealed record Resource(string Name, string Singular, string Kind, bool Namespaced, string[] Verbs, string[] ShortNames, string[] Categories);

    private sealed record Subresource(string Name, string Kind, string[] Verbs);
}
