namespace Tandem.Model.CoreV1;

/// <summary>The keys of a Secret as files.</summary>
public sealed record SecretVolumeSource
{
    public string? SecretName { get; init; }

    public IReadOnlyList<KeyToPath>? Items { get; init; }

    public int? DefaultMode { get; init; }

    public bool? Optional { get; init; }
}
