namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>Joins continuation lines (stack traces) to the line that started the event.</summary>
public sealed record MultilineConfig
{
    /// <summary>A line matching this regex starts a new event; any other line continues the current one.</summary>
    public string StartPattern { get; init; } = "";

    /// <summary>An event with no new line for this long is complete.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>An event reaching this size is sent as it is, marked truncated, and its further lines dropped.</summary>
    public ByteSize MaxBytes { get; init; } = new(1 << 20);
}
