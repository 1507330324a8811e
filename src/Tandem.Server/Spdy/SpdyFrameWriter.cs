using System.Buffers.Binary;

namespace Tandem.Server.Spdy;

/// <summary>
/// Turns frames into bytes, each frame one contiguous buffer so it reaches the transport (or the WebSocket tunnel)
/// in one write. Owns the connection's outgoing header compression stream, so frames must be serialized in the order
/// they are sent.
/// </summary>
internal sealed class SpdyFrameWriter
{
    private readonly HeaderBlockEncoder _headers = new();

    public byte[] Serialize(SpdyFrame frame) => frame switch
    {
        SpdyFrame.Data data => DataFrame(data.StreamId, data.Fin, data.Payload.Span),
        SpdyFrame.SynStream syn => SynStream(syn),
        SpdyFrame.SynReply reply => Control(SpdyControlType.SynReply, Flags(reply.Fin), Concat(Id(reply.StreamId), _headers.Encode(reply.Headers))),
        SpdyFrame.HeadersFrame headers => Control(SpdyControlType.Headers, Flags(headers.Fin), Concat(Id(headers.StreamId), _headers.Encode(headers.Values))),
        SpdyFrame.RstStream rst => Control(SpdyControlType.RstStream, 0, Concat(Id(rst.StreamId), Id((uint)rst.Status))),
        SpdyFrame.Ping ping => Control(SpdyControlType.Ping, 0, Id(ping.Id)),
        SpdyFrame.GoAway away => Control(SpdyControlType.GoAway, 0, Concat(Id(away.LastGoodStreamId), Id(away.Status))),
        SpdyFrame.Other other => Control((SpdyControlType)other.Type, other.Flags, other.Payload.ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(frame)),
    };

    public static byte[] DataFrame(uint streamId, bool fin, ReadOnlySpan<byte> payload)
    {
        var bytes = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, streamId & 0x7FFFFFFF);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), (uint)payload.Length);
        bytes[4] = Flags(fin);
        payload.CopyTo(bytes.AsSpan(8));
        return bytes;
    }

    private byte[] SynStream(SpdyFrame.SynStream syn)
    {
        var fixedPart = new byte[10];
        BinaryPrimitives.WriteUInt32BigEndian(fixedPart, syn.StreamId);
        BinaryPrimitives.WriteUInt32BigEndian(fixedPart.AsSpan(4), syn.AssociatedStreamId);
        fixedPart[8] = (byte)(syn.Priority << 5);
        return Control(SpdyControlType.SynStream, Flags(syn.Fin), Concat(fixedPart, _headers.Encode(syn.Headers)));
    }

    private static byte[] Control(SpdyControlType type, byte flags, byte[] payload)
    {
        var bytes = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, 0x8003);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)type);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), (uint)payload.Length);
        bytes[4] = flags;
        payload.CopyTo(bytes.AsSpan(8));
        return bytes;
    }

    private static byte Flags(bool fin) => fin ? SpdyFrame.FlagFin : (byte)0;

    private static byte[] Id(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Concat(byte[] first, byte[] second) => [.. first, .. second];
}
