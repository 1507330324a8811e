using System.Text.Json.Nodes;

namespace Tandem.Model.Sources;

/// <summary>One YAML or JSON document of a manifest file, as a JSON tree with its positions.</summary>
/// <param name="Content">The document; always a mapping, as every Kubernetes object is.</param>
/// <param name="Map">Where each value and key of <paramref name="Content"/> came from.</param>
/// <param name="Start">Where the document begins (its <c>---</c>, or its first line).</param>
/// <param name="Index">The 0-based number of the document in the file, counting empty documents,
/// so that it matches what a reader counting <c>---</c> separators sees.</param>
public sealed record ManifestDocument(JsonObject Content, SourceMap Map, SourceLocation Start, int Index);
