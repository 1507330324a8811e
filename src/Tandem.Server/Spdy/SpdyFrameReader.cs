using System.Buffers.Binary;

namespace Tandem.Server.Spdy;

/// <summary>
/// Reads SPDY/3.1 frames from a byte stream (spec §13.1). The stream may deliver a frame in any number of pieces:
/// tunnelled over WebSocket, kubectl writes each field of a frame as its own message (spec §12.2).
/// </summary>
internal sealed class SpdyFrameReader : IDisposable
{
    /// <summary>spdystream never sends more than this in one frame; a larger length means the stream is out of step.</summary>
    private const int MaxFrameLength = 0xFFFFFF;
    private readonly Stream _input;
    private readonly HeaderBlockDecoder _headers = new();
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public SpdyFrameReader(Stream input)
    {
        _input = input;
    }

    /// <summary>The next frame, or null when the stream ended cleanly between frames.</summary>
    public async ValueTask<SpdyFrame?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(8, atFrameStart: true, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var header = _buffer.AsSpan(_start, 8);
        var first = BinaryPrimitives.ReadUInt32BigEndian(header);
        var flags = header[4];
        var length = (int)(BinaryPrimitives.ReadUInt32BigEndian(header[4..]) & 0xFFFFFF);
        _start += 8;
        var payload = await ReadPayloadAsync(length, cancellationToken).ConfigureAwait(false);
        var fin = (flags & SpdyFrame.FlagFin) != 0;
        if ((first & 0x80000000) == 0)
        {
            return new SpdyFrame.Data(first, fin, payload);
        }
        var version = (first >> 16) & 0x7FFF;
        if (version != 3)
        {
            throw new InvalidDataException($"SPDY control frame of version {version}; only 3 is spoken");
        }
        var type = (ushort)(first & 0xFFFF);
        return Control(type, flags, fin, payload);
    }

    public void Dispose() => _headers.Dispose();

    private SpdyFrame Control(ushort type, byte flags, bool fin, byte[] payload)
    {
        var span = payload.AsSpan();
        switch ((SpdyControlType)type)
        {
            case SpdyControlType.SynStream:
                Require(span, 10, "SYN_STREAM");
                return new SpdyFrame.SynStream(StreamId(span), StreamId(span[4..]), (byte)(span[8] >> 5), fin, _headers.Decode(span[10..]));
            case SpdyControlType.SynReply:
                Require(span, 4, "SYN_REPLY");
                return new SpdyFrame.SynReply(StreamId(span), fin, _headers.Decode(span[4..]));
            case SpdyControlType.Headers:
                Require(span, 4, "HEADERS");
                return new SpdyFrame.HeadersFrame(StreamId(span), fin, _headers.Decode(span[4..]));
            case SpdyControlType.RstStream:
                Require(span, 8, "RST_STREAM");
                return new SpdyFrame.RstStream(StreamId(span), (SpdyResetStatus)BinaryPrimitives.ReadUInt32BigEndian(span[4..]));
            case SpdyControlType.Ping:
                Require(span, 4, "PING");
                return new SpdyFrame.Ping(BinaryPrimitives.ReadUInt32BigEndian(span));
            case SpdyControlType.GoAway:
                Require(span, 8, "GOAWAY");
                return new SpdyFrame.GoAway(StreamId(span), BinaryPrimitives.ReadUInt32BigEndian(span[4..]));
            default:
                return new SpdyFrame.Other(type, flags, payload);
        }
    }

    private static uint StreamId(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt32BigEndian(bytes) & 0x7FFFFFFF;

    private static void Require(ReadOnlySpan<byte> payload, int length, string frame)
    {
        if (payload.Length < length)
        {
            throw new InvalidDataException($"SPDY {frame} frame of {payload.Length} bytes; it needs at least {length}");
        }
    }

    private async ValueTask<byte[]> ReadPayloadAsync(int length, CancellationToken cancellationToken)
    {
        if (length > MaxFrameLength)
        {
            throw new InvalidDataException($"SPDY frame of {length} bytes");
        }
        var payload = new byte[length];
        var done = 0;
        while (done < length)
        {
            if (_start == _end && !await FillAsync(1, atFrameStart: false, cancellationToken).ConfigureAwait(false))
            {
                throw new EndOfStreamException("the SPDY connection ended inside a frame");
            }
            var n = Math.Min(length - done, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(payload.AsSpan(done));
            _start += n;
            done += n;
        }
        return payload;
    }

    /// <summary>Buffers at least <paramref name="count"/> bytes; false at a clean end of stream.</summary>
    private async ValueTask<bool> FillAsync(int count, bool atFrameStart, CancellationToken cancellationToken)
    {
        if (_end - _start >= count)
        {
            return true;
        }
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        while (_end < count)
        {
            var read = await _input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (atFrameStart && _end == 0)
                {
                    return false;
                }
                throw new EndOfStreamException("the SPDY connection ended inside a frame");
            }
            _end += read;
        }
        return true;
    }
}
