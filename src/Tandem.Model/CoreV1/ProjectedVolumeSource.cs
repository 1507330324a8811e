namespace Tandem.Model.CoreV1;

/// <summary>Several sources projected into one directory.</summary>
public sealed record ProjectedVolumeSource
{
    public IReadOnlyList<VolumeProjection>? Sources { get; init; }

    public int? DefaultMode { get; init; }
}
