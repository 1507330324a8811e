namespace Tandem.Model.CoreV1;

/// <summary>The keys of a ConfigMap as files.</summary>
public sealed record ConfigMapVolumeSource
{
    public string? Name { get; init; }

    public IReadOnlyList<KeyToPath>? Items { get; init; }

    public int? DefaultMode { get; init; }

    public bool? Optional { get; init; }
}
