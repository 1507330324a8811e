namespace Tandem.Server.Spdy;

/// <summary>RST_STREAM status codes (SPDY/3.1 §2.6.3). kubectl ends each stream with <see cref="Cancel"/>.</summary>
internal enum SpdyResetStatus : uint
{
    ProtocolError = 1,
    InvalidStream = 2,
    RefusedStream = 3,
    UnsupportedVersion = 4,
    Cancel = 5,
    InternalError = 6,
    FlowControlError = 7,
    StreamInUse = 8,
    StreamAlreadyClosed = 9,
}
