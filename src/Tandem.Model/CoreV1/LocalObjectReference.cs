namespace Tandem.Model.CoreV1;

/// <summary>The name of an object in the same namespace.</summary>
public sealed record LocalObjectReference
{
    public string? Name { get; init; }
}
