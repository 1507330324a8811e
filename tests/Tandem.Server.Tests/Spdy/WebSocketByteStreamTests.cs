using System.Net.WebSockets;
using Tandem.Server.Spdy;

namespace Tandem.Server.Tests.Spdy;

public sealed class WebSocketByteStreamTests
{
    [Fact]
    public async Task SpdyTunnelledAsManyTinyAndEmptyMessages_IsReassembledByBytes()
    {
        var (serverEnd, clientEnd) = DuplexStream.CreatePair();
        using var serverSocket = WebSocket.CreateFromStream(serverEnd, new WebSocketCreationOptions { IsServer = true });
        using var clientSocket = WebSocket.CreateFromStream(clientEnd, new WebSocketCreationOptions { IsServer = false });
        await using var session = new SpdySession(new WebSocketByteStream(serverSocket));
        session.Start();
        var writer = new SpdyFrameWriter();
        var frames = writer.Serialize(new SpdyFrame.SynStream(1, 0, 0, false, new SpdyHeaders([new("streamtype", "data"), new("port", "80"), new("requestid", "0")])))
            .Concat(writer.Serialize(new SpdyFrame.Data(1, true, "tunnelled"u8.ToArray()))).ToArray();

        // The field-by-field message sizes kubectl was seen to use, with empty messages in between.
        int[] sizes = [2, 2, 4, 0, 4, 4, 1, 1, 0];
        var offset = 0;
        for (var i = 0; offset < frames.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], frames.Length - offset);
            await clientSocket.SendAsync(frames.AsMemory(offset, size), WebSocketMessageType.Binary, true, CancellationToken.None);
            offset += size;
        }

        var stream = await session.Streams.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var read = new MemoryStream();
        await stream.CopyToAsync(read);
        Assert.Equal("tunnelled", System.Text.Encoding.ASCII.GetString(read.ToArray()));
        Assert.Equal("80", stream.Headers["port"]);

        var reply = new byte[64];
        var result = await clientSocket.ReceiveAsync(reply, CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Binary, result.MessageType);
        Assert.Equal(0x80, reply[0]);
        Assert.Equal((byte)SpdyControlType.SynReply, reply[3]);
    }
}
