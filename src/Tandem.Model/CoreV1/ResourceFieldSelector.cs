using Tandem.Model.Primitives;

namespace Tandem.Model.CoreV1;

/// <summary>A container's resource request or limit, for the downward API.</summary>
public sealed record ResourceFieldSelector
{
    public string? ContainerName { get; init; }

    public string? Resource { get; init; }

    public Quantity? Divisor { get; init; }
}
