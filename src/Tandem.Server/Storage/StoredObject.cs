using System.Text.Json;
using Tandem.Model.Meta;

namespace Tandem.Server.Storage;

/// <summary>
/// One version of one object as the API serves it: <see cref="Object"/> carries its resourceVersion in metadata;
/// the JSON is made once per version, however many watchers and lists send it.
/// </summary>
internal sealed class StoredObject(ResourceKind kind, IKubernetesObject value, long resourceVersion, object? source = null)
{
    private byte[]? _json;

    public ResourceKind Kind { get; } = kind;

    public IKubernetesObject Object { get; } = value;

    public long ResourceVersion { get; } = resourceVersion;

    /// <summary>What the node published for this version (its own instance), so a repeat of it is recognised.</summary>
    public object? Source { get; } = source;

    public string Namespace => Object.Metadata?.Namespace ?? "";

    public string Name => Object.Metadata?.Name ?? "";

    public string? Uid => Object.Metadata?.Uid;

    public ReadOnlySpan<byte> Json => _json ??= JsonSerializer.SerializeToUtf8Bytes(Object, Kind.TypeInfo);
}
