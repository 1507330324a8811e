namespace Tandem.Node.Logs;

/// <summary>
/// One record of a CRI log file, pointing into the line it was parsed from: valid only as long as
/// that buffer is, so parsing allocates nothing.
/// </summary>
public readonly ref struct CriLogRecord(DateTimeOffset timestamp, LogStream stream, bool partial, ReadOnlySpan<byte> content)
{
    /// <summary>When the runtime read the text (UTC; 100 ns precision, the digits beyond are dropped).</summary>
    public DateTimeOffset Timestamp { get; } = timestamp;

    public LogStream Stream { get; } = stream;

    /// <summary>A <c>P</c> record: the line goes on in the next record of the same stream.</summary>
    public bool Partial { get; } = partial;

    /// <summary>The text, without the newline.</summary>
    public ReadOnlySpan<byte> Content { get; } = content;
}
