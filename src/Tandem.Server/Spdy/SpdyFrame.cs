namespace Tandem.Server.Spdy;

/// <summary>
/// One SPDY/3.1 frame as kubectl's spdystream sends and expects it (spec §13.1). Header blocks are already
/// (de)compressed: the frame carries the name/value pairs.
/// </summary>
internal abstract record SpdyFrame
{
    /// <summary>Flag 0x01 on DATA, SYN_STREAM, SYN_REPLY and HEADERS: the sender has nothing more to send on the stream.</summary>
    public const byte FlagFin = 0x01;

    private SpdyFrame()
    {
    }

    public sealed record Data(uint StreamId, bool Fin, ReadOnlyMemory<byte> Payload) : SpdyFrame;

    public sealed record SynStream(uint StreamId, uint AssociatedStreamId, byte Priority, bool Fin, SpdyHeaders Headers) : SpdyFrame;

    public sealed record SynReply(uint StreamId, bool Fin, SpdyHeaders Headers) : SpdyFrame;

    public sealed record RstStream(uint StreamId, SpdyResetStatus Status) : SpdyFrame;

    public sealed record Ping(uint Id) : SpdyFrame;

    public sealed record GoAway(uint LastGoodStreamId, uint Status) : SpdyFrame;

    /// <summary>A HEADERS frame: decoded only to keep the shared zlib stream in step; nothing uses its headers.</summary>
    public sealed record HeadersFrame(uint StreamId, bool Fin, SpdyHeaders Values) : SpdyFrame;

    /// <summary>SETTINGS, WINDOW_UPDATE, CREDENTIAL or a type this code does not know: ignored (spec §13.3, §13.4).</summary>
    public sealed record Other(ushort Type, byte Flags, ReadOnlyMemory<byte> Payload) : SpdyFrame;
}
