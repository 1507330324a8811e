namespace Tandem.Node.Logs;

/// <summary>
/// One line of a container's log as <see cref="ContainerLogReader"/> returns it. <see cref="Content"/>
/// holds exactly the bytes the kubelet sends for the line: the RFC 3339 timestamp with nine
/// fraction digits and a space when timestamps were asked for, the text (partial records joined)
/// and the newline, which is missing only when the container ended mid-line or <c>limitBytes</c>
/// cut the line. The memory belongs to the reader and is reused for the next line: copy it to keep it.
/// </summary>
public readonly struct LogLine(DateTimeOffset timestamp, LogStream stream, ReadOnlyMemory<byte> content)
{
    /// <summary>When the line's first record was written.</summary>
    public DateTimeOffset Timestamp { get; } = timestamp;

    public LogStream Stream { get; } = stream;

    public ReadOnlyMemory<byte> Content { get; } = content;

    /// <summary>The content without the trailing newline (and without the timestamp prefix when <paramref name="timestamps"/> was asked for).</summary>
    public ReadOnlySpan<byte> Text(bool timestamps)
    {
        var span = Content.Span;
        if (timestamps)
        {
            span = span[Math.Min(span.Length, LogTimestampFormat.PrefixLength)..];
        }
        return span.Length > 0 && span[^1] == '\n' ? span[..^1] : span;
    }
}
