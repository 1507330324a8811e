using System.Text;
using Tandem.Server.Spdy;

namespace Tandem.Server.Tests.Spdy;

public sealed class SpdySessionTests
{
    [Fact]
    public async Task SynStream_IsRepliedToBeforeTheStreamIsHandedOut()
    {
        var (server, clientEnd) = DuplexStream.CreatePair();
        await using var session = new SpdySession(server);
        session.Start();
        using var client = new SpdyTestClient(clientEnd);

        await client.OpenAsync(1, ("streamtype", "error"));
        var reply = Assert.IsType<SpdyFrame.SynReply>(await client.ReadAsync());
        var stream = await session.Streams.ReadAsync();
        await stream.WriteAsync("hello"u8.ToArray());

        Assert.Equal(1u, reply.StreamId);
        Assert.Empty(reply.Headers.Pairs);
        Assert.Equal("error", stream.Headers["streamtype"]);
        var data = Assert.IsType<SpdyFrame.Data>(await client.ReadAsync());
        Assert.Equal("hello", Encoding.ASCII.GetString(data.Payload.Span));
    }

    [Fact]
    public async Task Ping_IsEchoed_AndFlowControlFramesAreIgnored()
    {
        var (server, clientEnd) = DuplexStream.CreatePair();
        await using var session = new SpdySession(server);
        session.Start();
        using var client = new SpdyTestClient(clientEnd);

        await client.SendAsync(new SpdyFrame.Other((ushort)SpdyControlType.Settings, 0, new byte[] { 0, 0, 0, 0 }));
        await client.SendAsync(new SpdyFrame.Other((ushort)SpdyControlType.WindowUpdate, 0, new byte[] { 0, 0, 0, 1, 0, 0, 0, 9 }));
        await client.SendAsync(new SpdyFrame.Other(77, 0, new byte[] { 1 }));
        await client.SendAsync(new SpdyFrame.Ping(5));

        Assert.Equal(new SpdyFrame.Ping(5), await client.ReadAsync());
    }

    [Fact]
    public async Task InterleavedStreams_EachGetTheirOwnBytes_AndFinIsEndOfStream()
    {
        var (server, clientEnd) = DuplexStream.CreatePair();
        await using var session = new SpdySession(server);
        session.Start();
        using var client = new SpdyTestClient(clientEnd);
        await client.OpenAsync(1, ("streamtype", "stdin"));
        await client.OpenAsync(3, ("streamtype", "resize"));
        var first = await session.Streams.ReadAsync();
        var second = await session.Streams.ReadAsync();

        for (var i = 0; i < 100; i++)
        {
            await client.SendAsync(new SpdyFrame.Data(1, false, new[] { (byte)'a' }));
            await client.SendAsync(new SpdyFrame.Data(3, false, new[] { (byte)'b' }));
        }
        await client.SendAsync(new SpdyFrame.Data(1, true, Array.Empty<byte>()));
        await client.SendAsync(new SpdyFrame.Data(3, true, new[] { (byte)'c' }));

        Assert.Equal(new string('a', 100), await ReadAllAsync(first));
        Assert.Equal(new string('b', 100) + "c", await ReadAllAsync(second));
    }

    [Fact]
    public async Task WritesLargerThanAFrame_AreSplit_AndCloseWriteSendsFin()
    {
        var (server, clientEnd) = DuplexStream.CreatePair();
        await using var session = new SpdySession(server);
        session.Start();
        using var client = new SpdyTestClient(clientEnd);
        await client.OpenAsync(1, ("streamtype", "data"));
        await client.ReadAsync();
        var stream = await session.Streams.ReadAsync();
        var payload = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

        var writing = Task.Run(async () =>
        {
            await stream.WriteAsync(payload);
            await stream.CloseWriteAsync();
        });

        Assert.Equal(payload, await client.ReadToFinAsync(1));
        await writing;
    }

    [Fact]
    public async Task Reset_EndsTheStreamsReads_AndGoAwayEndsTheSession()
    {
        var (server, clientEnd) = DuplexStream.CreatePair();
        await using var session = new SpdySession(server);
        session.Start();
        using var client = new SpdyTestClient(clientEnd);
        await client.OpenAsync(1, ("streamtype", "data"));
        var stream = await session.Streams.ReadAsync();

        await client.SendAsync(new SpdyFrame.RstStream(1, SpdyResetStatus.Cancel));
        Assert.Equal("", await ReadAllAsync(stream));
        Assert.True(stream.IsReset);
        await Assert.ThrowsAsync<IOException>(async () => await stream.WriteAsync(new byte[] { 1 }));

        await client.SendAsync(new SpdyFrame.GoAway(1, 0));
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(await session.Streams.WaitToReadAsync());
    }

    [Fact]
    public async Task TheConnectionEnding_EndsEveryStream()
    {
        var (server, clientEnd) = DuplexStream.CreatePair();
        await using var session = new SpdySession(server);
        session.Start();
        using var client = new SpdyTestClient(clientEnd);
        await client.OpenAsync(1, ("streamtype", "data"));
        var stream = await session.Streams.ReadAsync();

        clientEnd.CompleteWrites();

        Assert.Equal("", await ReadAllAsync(stream));
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task<string> ReadAllAsync(Stream stream)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, limit.Token);
        return Encoding.ASCII.GetString(bytes.ToArray());
    }
}
