using System.Text.Json.Serialization.Metadata;

namespace Tandem.Server.Storage;

/// <summary>One resource the server serves: its URL name, kind, scope and JSON contract.</summary>
internal sealed class ResourceKind(string resource, string singular, string kind, bool namespaced, JsonTypeInfo typeInfo, string[] shortNames)
{
    public string Resource { get; } = resource;

    public string Singular { get; } = singular;

    public string Kind { get; } = kind;

    public string ListKind { get; } = kind + "List";

    public bool Namespaced { get; } = namespaced;

    public JsonTypeInfo TypeInfo { get; } = typeInfo;

    public IReadOnlyList<string> ShortNames { get; } = shortNames;

    public override string ToString() => Resource;
}
