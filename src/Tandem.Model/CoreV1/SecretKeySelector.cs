namespace Tandem.Model.CoreV1;

/// <summary>One key of a Secret.</summary>
public sealed record SecretKeySelector
{
    public string? Name { get; init; }

    public string? Key { get; init; }

    public bool? Optional { get; init; }
}
