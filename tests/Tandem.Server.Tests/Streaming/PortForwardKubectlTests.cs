using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.Streaming;

/// <summary>Real kubectl port-forward through the SPDY and WebSocket-tunnelled SPDY transports.</summary>
public sealed class PortForwardKubectlTests
{
    private const int TransferBytes = 5 * 1024 * 1024;

    /// <summary>1.30 switches tunnelling on with the env var, 1.31 off; the other versions have one transport.</summary>
    public static IEnumerable<object[]> Transports =>
        KubectlVersions.All.SelectMany(v => v is 30 or 31
            ? new[] { new object[] { v, "true" }, new object[] { v, "false" } }
            : [new object[] { v, "" }]);

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task FiveMegabytes_CrossBothWaysIntact_WithHalfClose(int minor, string webSockets)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var host = await StreamingTestHost.StartAsync();
        using var pod = new TcpListener(IPAddress.Loopback, 0);
        pod.Start();
        var answer = RandomNumberGenerator.GetBytes(TransferBytes);
        var serving = ServeOnceAsync(pod, answer);
        var kubectl = Configure(host.Kubectl(minor), webSockets);
        var (forward, localPort) = await PortForwardProcess.StartAsync(kubectl, "web", ((IPEndPoint)pod.LocalEndpoint).Port);
        await using var _ = forward;

        var sent = RandomNumberGenerator.GetBytes(TransferBytes);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, localPort);
        var stream = client.GetStream();
        var receiving = ReadToEndAsync(stream);
        await stream.WriteAsync(sent);
        client.Client.Shutdown(SocketShutdown.Send);
        var received = await receiving.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(SHA256.HashData(sent), await serving.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(SHA256.HashData(answer), SHA256.HashData(received));
        Assert.False(forward.HasExited, forward.Output);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task SeveralConnections_OneAfterAnother(int minor, string webSockets)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var host = await StreamingTestHost.StartAsync();
        using var pod = new TcpListener(IPAddress.Loopback, 0);
        pod.Start();
        var kubectl = Configure(host.Kubectl(minor), webSockets);
        var (forward, localPort) = await PortForwardProcess.StartAsync(kubectl, "web", ((IPEndPoint)pod.LocalEndpoint).Port);
        await using var _ = forward;

        try
        {
            for (var i = 0; i < 3; i++)
            {
                var serving = ServeOnceAsync(pod, [(byte)i]);
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, localPort);
                var stream = client.GetStream();
                client.Client.Shutdown(SocketShutdown.Send);
                Assert.Equal(new[] { (byte)i }, await ReadToEndAsync(stream).WaitAsync(TimeSpan.FromSeconds(60)));
                await serving;
            }
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"port-forward printed:\n{forward.Output}", e);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task NothingListening_IsReportedOnTheErrorStream(int minor, string webSockets)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var host = await StreamingTestHost.StartAsync();
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var kubectl = Configure(host.Kubectl(minor), webSockets);
        var (forward, localPort) = await PortForwardProcess.StartAsync(kubectl, "web", closedPort);
        await using var _ = forward;

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, localPort);
        Assert.Empty(await ReadToEndAsync(client.GetStream()).WaitAsync(TimeSpan.FromSeconds(60)));

        await forward.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains($"error forwarding port {closedPort} to pod web_default", forward.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task MissingPod_IsNotFound(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var host = await StreamingTestHost.StartAsync();

        var result = await host.Kubectl(minor).RunAsync("port-forward", "nope", ":80");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("pods \"nope\" not found", result.Stderr, StringComparison.Ordinal);
    }

    private static Kubectl Configure(Kubectl kubectl, string webSockets)
    {
        if (webSockets.Length > 0)
        {
            kubectl.Environment["KUBECTL_PORT_FORWARD_WEBSOCKETS"] = webSockets;
        }
        return kubectl;
    }

    /// <summary>The "pod": reads one connection to its end, answers, closes; returns the hash of what it read.</summary>
    private static async Task<byte[]> ServeOnceAsync(TcpListener listener, byte[] answer)
    {
        using var connection = await listener.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        var writing = stream.WriteAsync(answer).AsTask();
        var read = await ReadToEndAsync(stream);
        await writing;
        connection.Client.Shutdown(SocketShutdown.Send);
        return SHA256.HashData(read);
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
