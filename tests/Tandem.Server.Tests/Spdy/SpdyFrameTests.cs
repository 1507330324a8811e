using Tandem.Server.Spdy;

namespace Tandem.Server.Tests.Spdy;

public sealed class SpdyFrameTests
{
    private static readonly SpdyFrame[] Frames =
    [
        new SpdyFrame.SynStream(1, 0, 2, false, new SpdyHeaders([new("streamtype", "error"), new("port", "80"), new("requestid", "0")])),
        new SpdyFrame.SynReply(1, false, SpdyHeaders.Empty),
        new SpdyFrame.Data(1, false, new byte[] { 1, 2, 3 }),
        new SpdyFrame.Data(3, true, Array.Empty<byte>()),
        new SpdyFrame.Data(5, false, Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray()),
        new SpdyFrame.RstStream(3, SpdyResetStatus.Cancel),
        new SpdyFrame.Ping(7),
        new SpdyFrame.HeadersFrame(5, true, new SpdyHeaders([new("x", "y")])),
        new SpdyFrame.Other((ushort)SpdyControlType.WindowUpdate, 0, new byte[] { 0, 0, 0, 1, 0, 0, 1, 0 }),
        new SpdyFrame.GoAway(5, 0),
    ];

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(2, 2, 4, 4, 4, 1, 1, 51)]
    [InlineData(1)]
    public async Task Frames_RoundTrip_HoweverTheBytesArrive(params int[] pieces)
    {
        var writer = new SpdyFrameWriter();
        var bytes = Frames.SelectMany(writer.Serialize).ToArray();
        using var reader = new SpdyFrameReader(new TrickleStream(bytes, pieces));

        var read = new List<SpdyFrame>();
        while (await reader.ReadAsync(CancellationToken.None) is { } frame)
        {
            read.Add(frame);
        }

        Assert.Equal(Frames.Length, read.Count);
        for (var i = 0; i < Frames.Length; i++)
        {
            AssertSame(Frames[i], read[i]);
        }
    }

    [Fact]
    public void DataFrame_IsBigEndianIdFlagsAndLength()
    {
        var bytes = SpdyFrameWriter.DataFrame(3, fin: true, [0xAA, 0xBB]);

        Assert.Equal(new byte[] { 0, 0, 0, 3, 1, 0, 0, 2, 0xAA, 0xBB }, bytes);
    }

    [Fact]
    public void Ping_IsAVersion3ControlFrame()
    {
        var bytes = new SpdyFrameWriter().Serialize(new SpdyFrame.Ping(0x01020305));

        Assert.Equal(new byte[] { 0x80, 0x03, 0x00, 0x06, 0, 0, 0, 4, 1, 2, 3, 5 }, bytes);
    }

    [Fact]
    public async Task Reader_RejectsAFrameCutShort()
    {
        var bytes = SpdyFrameWriter.DataFrame(1, false, [1, 2, 3, 4])[..10];
        using var reader = new SpdyFrameReader(new MemoryStream(bytes));

        await Assert.ThrowsAsync<EndOfStreamException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    private static void AssertSame(SpdyFrame expected, SpdyFrame actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected, actual)
        {
            case (SpdyFrame.Data e, SpdyFrame.Data a):
                Assert.Equal((e.StreamId, e.Fin), (a.StreamId, a.Fin));
                Assert.Equal(e.Payload.ToArray(), a.Payload.ToArray());
                break;
            case (SpdyFrame.SynStream e, SpdyFrame.SynStream a):
                Assert.Equal((e.StreamId, e.AssociatedStreamId, e.Priority, e.Fin), (a.StreamId, a.AssociatedStreamId, a.Priority, a.Fin));
                Assert.Equal(e.Headers.Pairs, a.Headers.Pairs);
                break;
            case (SpdyFrame.SynReply e, SpdyFrame.SynReply a):
                Assert.Equal((e.StreamId, e.Fin), (a.StreamId, a.Fin));
                Assert.Equal(e.Headers.Pairs, a.Headers.Pairs);
                break;
            case (SpdyFrame.HeadersFrame e, SpdyFrame.HeadersFrame a):
                Assert.Equal((e.StreamId, e.Fin), (a.StreamId, a.Fin));
                Assert.Equal(e.Values.Pairs, a.Values.Pairs);
                break;
            case (SpdyFrame.Other e, SpdyFrame.Other a):
                Assert.Equal((e.Type, e.Flags), (a.Type, a.Flags));
                Assert.Equal(e.Payload.ToArray(), a.Payload.ToArray());
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}
