namespace Tandem.Model.CoreV1;

/// <summary>SELinux labels of a container.</summary>
public sealed record SeLinuxOptions
{
    public string? User { get; init; }

    public string? Role { get; init; }

    public string? Type { get; init; }

    public string? Level { get; init; }
}
