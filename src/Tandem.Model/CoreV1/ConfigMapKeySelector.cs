namespace Tandem.Model.CoreV1;

/// <summary>One key of a ConfigMap.</summary>
public sealed record ConfigMapKeySelector
{
    public string? Name { get; init; }

    public string? Key { get; init; }

    public bool? Optional { get; init; }
}
