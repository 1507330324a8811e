namespace Tandem.Model.CoreV1;

/// <summary>Pod fields and container resources as files.</summary>
public sealed record DownwardApiVolumeSource
{
    public IReadOnlyList<DownwardApiVolumeFile>? Items { get; init; }

    public int? DefaultMode { get; init; }
}
