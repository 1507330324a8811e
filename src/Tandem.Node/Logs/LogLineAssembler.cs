namespace Tandem.Node.Logs;

/// <summary>
/// Turns CRI records into output lines: joins a stream's <c>P</c> records with the <c>F</c> that ends
/// them (stdout and stderr may interleave, so each stream has its own pending text), drops streams
/// and times the options exclude, and formats the line as the kubelet sends it. One output buffer,
/// reused for every line.
/// </summary>
internal sealed class LogLineAssembler(LogReadOptions options)
{
    private readonly PendingLine _stdout = new();
    private readonly PendingLine _stderr = new();
    private byte[] _output = new byte[8 * 1024];

    /// <summary>Adds one record; true when it completed a line the options select, returned in <paramref name="line"/>.</summary>
    public bool Add(in CriLogRecord record, out LogLine line)
    {
        line = default;
        if (!options.Selects(record.Stream))
        {
            return false;
        }
        var pending = record.Stream == LogStream.Stdout ? _stdout : _stderr;
        if (record.Partial)
        {
            pending.Append(record.Timestamp, record.Content);
            return false;
        }
        var timestamp = pending.Started ? pending.Timestamp : record.Timestamp;
        var selected = options.Since is not { } since || timestamp >= since;
        if (selected)
        {
            line = Compose(timestamp, record.Stream, pending.Text, record.Content, newline: true);
        }
        pending.Clear();
        return selected;
    }

    /// <summary>
    /// A line the container never finished (it ended mid-line): returned without a newline, once.
    /// Call until it returns false.
    /// </summary>
    public bool TakeUnfinished(out LogLine line)
    {
        line = default;
        foreach (var (pending, stream) in new[] { (_stdout, LogStream.Stdout), (_stderr, LogStream.Stderr) })
        {
            if (!pending.Started)
            {
                continue;
            }
            var timestamp = pending.Timestamp;
            var selected = options.Since is not { } since || timestamp >= since;
            if (selected)
            {
                line = Compose(timestamp, stream, pending.Text, [], newline: false);
            }
            pending.Clear();
            if (selected)
            {
                return true;
            }
        }
        return false;
    }

    private LogLine Compose(DateTimeOffset timestamp, LogStream stream, ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, bool newline)
    {
        var length = (options.Timestamps ? LogTimestampFormat.PrefixLength : 0) + head.Length + tail.Length + (newline ? 1 : 0);
        if (_output.Length < length)
        {
            _output = new byte[Math.Max(length, _output.Length * 2)];
        }
        var at = options.Timestamps ? LogTimestampFormat.Write(timestamp, _output) : 0;
        head.CopyTo(_output.AsSpan(at));
        at += head.Length;
        tail.CopyTo(_output.AsSpan(at));
        at += tail.Length;
        if (newline)
        {
            _output[at++] = (byte)'\n';
        }
        return new LogLine(timestamp, stream, _output.AsMemory(0, at));
    }

    private sealed class PendingLine
    {
        private byte[] _text = [];
        private int _length;

        public bool Started { get; private set; }

        public DateTimeOffset Timestamp { get; private set; }

        public ReadOnlySpan<byte> Text => _text.AsSpan(0, _length);

        public void Append(DateTimeOffset timestamp, ReadOnlySpan<byte> content)
        {
            if (!Started)
            {
                Started = true;
                Timestamp = timestamp;
            }
            if (_text.Length < _length + content.Length)
            {
                Array.Resize(ref _text, Math.Max(_length + content.Length, _text.Length * 2));
            }
            content.CopyTo(_text.AsSpan(_length));
            _length += content.Length;
        }

        public void Clear()
        {
            Started = false;
            _length = 0;
        }
    }
}
