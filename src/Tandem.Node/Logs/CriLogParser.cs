namespace Tandem.Node.Logs;

/// <summary>
/// Parses one line of a CRI log file, <c>&lt;RFC 3339 time&gt; &lt;stdout|stderr&gt; &lt;P|F&gt;[:tags] &lt;text&gt;</c>,
/// the format the kubelet reads back in <c>pkg/kubelet/kuberuntime/logs/logs.go</c> (<c>parseCRILog</c>).
/// A malformed line is a result, not an exception: files written by other runtimes or cut by a
/// crash are read on the hot path of <c>kubectl logs -f</c>.
/// </summary>
public static class CriLogParser
{
    public static CriParseStatus TryParse(ReadOnlySpan<byte> line, out CriLogRecord record)
    {
        record = default;
        var end = line.IndexOf((byte)' ');
        if (end < 0 || !TryParseTimestamp(line[..end], out var timestamp))
        {
            return CriParseStatus.BadTimestamp;
        }
        line = line[(end + 1)..];

        end = line.IndexOf((byte)' ');
        if (end < 0)
        {
            return CriParseStatus.BadStream;
        }
        LogStream stream;
        if (line[..end].SequenceEqual("stdout"u8))
        {
            stream = LogStream.Stdout;
        }
        else if (line[..end].SequenceEqual("stderr"u8))
        {
            stream = LogStream.Stderr;
        }
        else
        {
            return CriParseStatus.BadStream;
        }
        line = line[(end + 1)..];

        // The tag field may carry more tags after a ':'; only the first (P or F) has a meaning today.
        end = line.IndexOf((byte)' ');
        if (end < 1)
        {
            return CriParseStatus.BadTag;
        }
        var tags = line[..end];
        var first = tags.IndexOf((byte)':') is var colon and >= 0 ? tags[..colon] : tags;
        bool partial;
        if (first.SequenceEqual("P"u8))
        {
            partial = true;
        }
        else if (first.SequenceEqual("F"u8))
        {
            partial = false;
        }
        else
        {
            return CriParseStatus.BadTag;
        }

        record = new CriLogRecord(timestamp, stream, partial, line[(end + 1)..]);
        return CriParseStatus.Ok;
    }

    /// <summary>RFC 3339 with an optional fraction of 1 to 9 digits and <c>Z</c> or a numeric offset, as Go's <c>time.RFC3339Nano</c> accepts.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (text.Length < 20
            || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var rest = text[19..];
        long ticks = 0;
        if (rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && IsDigit(rest[digits]))
            {
                digits++;
            }
            var fraction = rest[1..digits];
            if (fraction.Length is 0 or > 9)
            {
                return false;
            }
            // Ticks are 100 ns: the first seven digits count, the eighth and ninth are below the clock's resolution.
            for (var i = 0; i < 7; i++)
            {
                ticks = ticks * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
            }
            rest = rest[digits..];
        }
        TimeSpan offset;
        if (rest.Length == 1 && (rest[0] == 'Z' || rest[0] == 'z'))
        {
            offset = TimeSpan.Zero;
        }
        else if (rest.Length == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':'
            && Digits(rest.Slice(1, 2), out var offsetHours) && Digits(rest.Slice(4, 2), out var offsetMinutes)
            && offsetHours < 24 && offsetMinutes < 60)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (rest[0] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return false;
        }
        var utcTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        timestamp = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!IsDigit(c))
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';
}
