namespace Tandem.Model.CoreV1;

/// <summary>A claim on a persistent volume (not available on a single node).</summary>
public sealed record PersistentVolumeClaimVolumeSource
{
    public string? ClaimName { get; init; }

    public bool? ReadOnly { get; init; }
}
