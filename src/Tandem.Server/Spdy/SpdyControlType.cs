namespace Tandem.Server.Spdy;

/// <summary>The control frame types of SPDY/3.1 (§2.6 of the draft).</summary>
internal enum SpdyControlType : ushort
{
    SynStream = 1,
    SynReply = 2,
    RstStream = 3,
    Settings = 4,
    Ping = 6,
    GoAway = 7,
    Headers = 8,
    WindowUpdate = 9,
}
