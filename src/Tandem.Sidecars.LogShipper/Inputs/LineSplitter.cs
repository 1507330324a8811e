namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>
/// Cuts bytes into lines at <c>\n</c> (dropping a trailing <c>\r</c>). A line longer than the
/// maximum keeps its first bytes, is marked truncated and is emitted at its newline, so memory
/// stays bounded and the offset after it is still a line boundary to resume from.
/// </summary>
public sealed class LineSplitter(int maxLineBytes)
{
    private byte[] _pending = new byte[Math.Min(maxLineBytes, 4096)];
    private int _pendingLength;
    private bool _overflow;

    /// <summary>Bytes held for a line whose newline has not been read yet.</summary>
    public bool HasPartialLine => _pendingLength > 0 || _overflow;

    public void Feed(ReadOnlySpan<byte> data, long dataOffset, List<RawLine> output)
    {
        var position = 0;
        while (position < data.Length)
        {
            var rest = data[position..];
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0)
            {
                Append(rest);
                return;
            }
            var end = dataOffset + position + newline + 1;
            if (_pendingLength == 0 && !_overflow && newline <= maxLineBytes)
            {
                // Fast path: the whole line is in this read.
                output.Add(new RawLine(TrimCarriageReturn(rest[..newline]).ToArray(), end, false));
            }
            else
            {
                Append(rest[..newline]);
                output.Add(new RawLine(TrimCarriageReturn(_pending.AsSpan(0, _pendingLength)).ToArray(), end, _overflow));
                _pendingLength = 0;
                _overflow = false;
            }
            position += newline + 1;
        }
    }

    /// <summary>Forgets a partial line (the file was truncated under it).</summary>
    public void Reset()
    {
        _pendingLength = 0;
        _overflow = false;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var room = maxLineBytes - _pendingLength;
        if (bytes.Length > room)
        {
            _overflow = true;
            bytes = bytes[..room];
        }
        if (bytes.Length == 0)
        {
            return;
        }
        if (_pendingLength + bytes.Length > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Min(maxLineBytes, Math.Max(_pending.Length * 2, _pendingLength + bytes.Length)));
        }
        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += bytes.Length;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
