namespace Tandem.Model.CoreV1;

/// <summary>A header sent with an HTTP probe or hook.</summary>
public sealed record HttpHeader
{
    public string? Name { get; init; }

    public string? Value { get; init; }
}
