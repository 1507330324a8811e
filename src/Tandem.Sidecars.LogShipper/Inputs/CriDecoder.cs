using System.Globalization;
using System.Text;

namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>
/// The kubelet's CRI log line, <c>2016-10-06T00:17:09.669794202Z stdout F message</c>: takes the
/// time and stream from the prefix, and joins <c>P</c> (partial) lines until the <c>F</c> line,
/// as the container runtime split long lines.
/// </summary>
public sealed class CriDecoder(int maxLineBytes)
{
    private readonly List<byte> _partial = [];
    private bool _partialTruncated;

    public void Push(RawLine line, List<RawLine> output)
    {
        var span = line.Bytes.AsSpan();
        var first = span.IndexOf((byte)' ');
        var second = first < 0 ? -1 : span[(first + 1)..].IndexOf((byte)' ') + first + 1;
        var third = second <= first ? -1 : span[(second + 1)..].IndexOf((byte)' ') + second + 1;
        if (first < 0 || second <= first || third <= second || !TryParseTime(span[..first], out var time))
        {
            // Not CRI framed: pass through unchanged rather than lose it.
            output.Add(line);
            return;
        }
        var stream = Encoding.ASCII.GetString(span[(first + 1)..second]);
        var tag = span[(second + 1)..third];
        var message = span[(third + 1)..];
        var room = maxLineBytes - _partial.Count;
        _partialTruncated |= line.Truncated || message.Length > room;
        foreach (var b in message[..Math.Min(room, message.Length)])
        {
            _partial.Add(b);
        }
        if (tag.Length > 0 && tag[0] == (byte)'P')
        {
            return;
        }
        output.Add(new RawLine([.. _partial], line.EndOffset, _partialTruncated, time, stream));
        _partial.Clear();
        _partialTruncated = false;
    }

    public void Reset()
    {
        _partial.Clear();
        _partialTruncated = false;
    }

    /// <summary>RFC 3339 with up to nine fraction digits; .NET parses seven, so the rest is cut.</summary>
    public static bool TryParseTime(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        Span<char> chars = stackalloc char[40];
        if (text.Length > chars.Length)
        {
            time = default;
            return false;
        }
        var length = Encoding.ASCII.GetChars(text, chars);
        var value = chars[..length];
        var dot = value.IndexOf('.');
        if (dot > 0)
        {
            var zone = value[dot..].IndexOfAny('Z', '+', '-');
            if (zone > 8)
            {
                // Keep "." plus seven digits, then the zone.
                var cut = new string(value[..(dot + 8)]) + new string(value[(dot + zone)..]);
                return DateTimeOffset.TryParse(cut, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
            }
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }
}
