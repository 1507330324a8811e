namespace Tandem.Model.CoreV1;

/// <summary>A ConfigMap's keys inside a projected volume.</summary>
public sealed record ConfigMapProjection
{
    public string? Name { get; init; }

    public IReadOnlyList<KeyToPath>? Items { get; init; }

    public bool? Optional { get; init; }
}
