namespace Tandem.Cli.Api;

/// <summary>A resource the node serves, with the names kubectl accepts for it (<c>pods</c>, <c>pod</c>, <c>po</c>).</summary>
public sealed record ResourceType(string Plural, string Singular, string Kind, bool Namespaced, params string[] ShortNames)
{
    public static readonly ResourceType Pods = new("pods", "pod", "Pod", true, "po");
    public static readonly ResourceType ConfigMaps = new("configmaps", "configmap", "ConfigMap", true, "cm");
    public static readonly ResourceType Secrets = new("secrets", "secret", "Secret", true);
    public static readonly ResourceType Events = new("events", "event", "Event", true, "ev");
    public static readonly ResourceType Namespaces = new("namespaces", "namespace", "Namespace", false, "ns");
    public static readonly ResourceType Services = new("services", "service", "Service", true, "svc");

    public static IReadOnlyList<ResourceType> All { get; } = [Pods, ConfigMaps, Secrets, Events, Namespaces, Services];

    /// <summary>Looks a type up by any of its names, case-insensitively as kubectl does.</summary>
    public static ResourceType? Find(string name) => All.FirstOrDefault(type =>
        string.Equals(type.Plural, name, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(type.Singular, name, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(type.Kind, name, StringComparison.OrdinalIgnoreCase) ||
        type.ShortNames.Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase)));

    public static ResourceType? FromKind(string? kind) => All.FirstOrDefault(type => string.Equals(type.Kind, kind, StringComparison.Ordinal));

    /// <summary>The collection path; a null namespace for a namespaced type means every namespace.</summary>
    public string CollectionPath(string? @namespace) =>
        Namespaced && @namespace is not null ? $"/api/v1/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}" : $"/api/v1/{Plural}";

    public string ItemPath(string? @namespace, string name) => $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";
}
