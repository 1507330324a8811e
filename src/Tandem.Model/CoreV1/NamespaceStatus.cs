using System.Text.Json.Nodes;

namespace Tandem.Model.CoreV1;

/// <summary>Whether a namespace is active or terminating.</summary>
public sealed record NamespaceStatus
{
    public string? Phase { get; init; }

    public JsonArray? Conditions { get; init; }
}
