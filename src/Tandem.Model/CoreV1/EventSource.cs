namespace Tandem.Model.CoreV1;

/// <summary>Which component reported an event.</summary>
public sealed record EventSource
{
    public string? Component { get; init; }

    public string? Host { get; init; }
}
