using System.Text.Json.Nodes;
using Tandem.Model.Primitives;

namespace Tandem.Model.CoreV1;

/// <summary>Compute resources a container asks for (requests) and may not exceed (limits).</summary>
public sealed record ResourceRequirements
{
    public IReadOnlyDictionary<string, Quantity>? Limits { get; init; }

    public IReadOnlyDictionary<string, Quantity>? Requests { get; init; }

    public JsonArray? Claims { get; init; }
}
