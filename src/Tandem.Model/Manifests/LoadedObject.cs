using Tandem.Model.Meta;
using Tandem.Model.Sources;
using Tandem.Model.Validation;

namespace Tandem.Model.Manifests;

/// <summary>
/// One object read from a manifest: as written, after the API server's defaults, and where it
/// came from, so that anything said about one of its fields can point at the file, line and column.
/// </summary>
public sealed record LoadedObject(IKubernetesObject Written, IKubernetesObject Defaulted, ManifestDocument Document, FieldPath? PathPrefix)
{
    /// <summary><c>Pod/web</c>, the way kubectl names objects.</summary>
    public string DisplayName => $"{Written.Kind}/{Written.Metadata?.Name ?? "(unnamed)"}";

    /// <summary>Where a field of this object (a path from the object's root) is written.</summary>
    public SourceLocation Locate(FieldPath field) =>
        Document.Map.Locate(PathPrefix is null ? field : PathPrefix.Append(field));

    /// <summary>Where the object itself starts.</summary>
    public SourceLocation Start => PathPrefix is null ? Document.Start : Document.Map.Locate(PathPrefix);
}
