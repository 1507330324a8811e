using Tandem.Model.Primitives;

namespace Tandem.Model.CoreV1;

/// <summary>A scratch directory that lives as long as the pod, on disk or in memory.</summary>
public sealed record EmptyDirVolumeSource
{
    public string? Medium { get; init; }

    public Quantity? SizeLimit { get; init; }
}
