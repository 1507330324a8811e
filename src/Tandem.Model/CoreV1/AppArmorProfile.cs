namespace Tandem.Model.CoreV1;

/// <summary>The AppArmor profile a container runs under.</summary>
public sealed record AppArmorProfile
{
    public string? Type { get; init; }

    public string? LocalhostProfile { get; init; }
}
