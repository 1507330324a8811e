using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Tandem.Cli.Api;
using Tandem.Cli.Commands.Client;

namespace Tandem.Cli.Tests.Client;

/// <summary>The v5.channel.k8s.io client against a scripted server end of a real loopback WebSocket.</summary>
public sealed class ExecSessionTests
{
    [Fact]
    public async Task OutputStatusAndClose_GiveTheRemoteExitCode()
    {
        await using var pair = await SocketPair.CreateAsync();
        var server = Task.Run(async () =>
        {
            await Send(pair.Server, 1, "hello\n");
            await Send(pair.Server, 2, "err\n");
            await Send(pair.Server, 3, """{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: exit status 3","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}""");
            await pair.Server.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            await pair.Server.ReceiveAsync(new byte[16], CancellationToken.None);
        });
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();

        var status = await new ExecSession(pair.Client).RunAsync(null, stdout, stderr, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await server.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("hello\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("err\n", Encoding.UTF8.GetString(stderr.ToArray()));
        var error = new StringWriter();
        Assert.Equal(3, await ExecCommand.ExitCodeAsync(status, error));
        Assert.Equal("command terminated with exit code 3\n", error.ToString().Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stdin_IsSentOnChannelZero_ThenClosedWithTheV5CloseSignal()
    {
        await using var pair = await SocketPair.CreateAsync();
        var received = new List<byte[]>();
        var server = Task.Run(async () =>
        {
            var buffer = new byte[1024];
            while (true)
            {
                var result = await pair.Server.ReceiveAsync(buffer, CancellationToken.None);
                received.Add(buffer[..result.Count]);
                if (buffer[0] == 255)
                {
                    break;
                }
            }
            await Send(pair.Server, 3, """{"metadata":{},"status":"Success"}""");
            await pair.Server.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        });

        var status = await new ExecSession(pair.Client).RunAsync(new MemoryStream("data\n"u8.ToArray()), Stream.Null, Stream.Null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await server.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Success", status.Outcome);
        Assert.Equal([0, .. "data\n"u8.ToArray()], received[0]);
        Assert.Equal(new byte[] { 255, 0 }, received[^1]);
    }

    [Fact]
    public async Task OtherFailures_AreErrorsWithExitOne()
    {
        var error = new StringWriter();

        var code = await ExecCommand.ExitCodeAsync(new Tandem.Model.Meta.Status { Outcome = "Failure", Reason = "InternalError", Message = "executable file not found" }, error);

        Assert.Equal(1, code);
        Assert.Equal("error: executable file not found", error.ToString().TrimEnd());
    }

    private static Task Send(WebSocket socket, byte channel, string text) =>
        socket.SendAsync((byte[])[channel, .. Encoding.UTF8.GetBytes(text)], WebSocketMessageType.Binary, true, CancellationToken.None);

    private sealed class SocketPair : IAsyncDisposable
    {
        private readonly TcpClient _clientTcp;
        private readonly TcpClient _serverTcp;

        private SocketPair(TcpClient clientTcp, TcpClient serverTcp)
        {
            _clientTcp = clientTcp;
            _serverTcp = serverTcp;
            Client = WebSocket.CreateFromStream(clientTcp.GetStream(), isServer: false, ExecCommand.Protocol, Timeout.InfiniteTimeSpan);
            Server = WebSocket.CreateFromStream(serverTcp.GetStream(), isServer: true, ExecCommand.Protocol, Timeout.InfiniteTimeSpan);
        }

        public WebSocket Client { get; }

        public WebSocket Server { get; }

        public static async Task<SocketPair> CreateAsync()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            var server = await listener.AcceptTcpClientAsync();
            listener.Stop();
            return new SocketPair(client, server);
        }

        public ValueTask DisposeAsync()
        {
            Client.Dispose();
            Server.Dispose();
            _clientTcp.Dispose();
            _serverTcp.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
