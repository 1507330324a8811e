namespace Tandem.Model.CoreV1;

/// <summary>Downward API files inside a projected volume.</summary>
public sealed record DownwardApiProjection
{
    public IReadOnlyList<DownwardApiVolumeFile>? Items { get; init; }
}
