namespace Tandem.Model.CoreV1;

/// <summary>Which key goes to which file, with what mode.</summary>
public sealed record KeyToPath
{
    public string? Key { get; init; }

    public string? Path { get; init; }

    public int? Mode { get; init; }
}
