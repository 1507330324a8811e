namespace Tandem.Model.CoreV1;

/// <summary>The seccomp profile a container runs under.</summary>
public sealed record SeccompProfile
{
    public string? Type { get; init; }

    public string? LocalhostProfile { get; init; }
}
