using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Tandem.Cli.Tests.Client;

/// <summary>tandem exec and port-forward through the server's real streaming endpoints (host processes behind them).</summary>
public sealed class StreamingVerbTests(StreamingHost host) : IClassFixture<StreamingHost>
{
    [Fact]
    public async Task Exec_RemoteExitCode_BecomesTandemsExitCode_AsWithKubectl()
    {
        var run = await TandemClient.RunAsync(host.Kubeconfig, ["exec", "web", "--", "sh", "-c", "echo out; echo err >&2; exit 3"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("out\n", run.Stdout);
        Assert.Contains("err\n", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("command terminated with exit code 3\n", run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("Defaulted container \"main\" out of: main, helper\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_WithStdin_PassesItAndItsEnd()
    {
        var run = await TandemClient.RunAsync(host.Kubeconfig, ["exec", "-i", "web", "-c", "helper", "--", "sh", "-c", "cat; echo \"[$CONTAINER]\""], stdin: "line one\nline two\n");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("line one\nline two\n[helper]\n", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task Exec_TtyWithoutATerminal_SaysSoAndRunsWithoutOne()
    {
        var run = await TandemClient.RunAsync(host.Kubeconfig, ["exec", "-it", "web", "-c", "main", "--", "sh", "-c", "test -t 0 || echo no-tty"], stdin: "");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("no-tty\n", run.Stdout);
        Assert.Equal("Unable to use a TTY - input is not a terminal or the right kind of file\n", run.Stderr);
    }

    [Fact]
    public async Task Exec_UnknownContainerOrPod_IsAnErrorFromTheServer()
    {
        var container = await TandemClient.RunAsync(host.Kubeconfig, ["exec", "web", "-c", "nope", "--", "true"]);
        var pod = await TandemClient.RunAsync(host.Kubeconfig, ["exec", "nope", "--", "true"]);

        Assert.Equal(1, container.ExitCode);
        Assert.Equal("Error from server (BadRequest): container nope is not valid for pod web\n", container.Stderr);
        Assert.Equal(1, pod.ExitCode);
        Assert.Equal("Error from server (NotFound): pods \"nope\" not found\n", pod.Stderr);
    }

    [Fact]
    public async Task PortForward_CarriesBytesBothWays_OverSeveralConnections()
    {
        using var echo = new TcpListener(IPAddress.Loopback, 0);
        echo.Start();
        var echoPort = ((IPEndPoint)echo.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var serving = ServeEchoAsync(echo, stop.Token);
        using var forward = new WatchedTandem(host.Kubeconfig, "port-forward", "pod/web", $":{echoPort}");
        await forward.WaitForAsync(@"^Forwarding from 127\.0\.0\.1:\d+ -> " + echoPort, TimeSpan.FromSeconds(30));
        var local = int.Parse(Regex.Match(string.Join('\n', forward.Lines), @"Forwarding from 127\.0\.0\.1:(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        for (var round = 0; round < 2; round++)
        {
            var payload = RandomNumberGenerator.GetBytes(1024 * 1024);
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, local);
            var stream = client.GetStream();
            var reading = ReadExactlyAsync(stream, payload.Length);
            await stream.WriteAsync(payload);
            client.Client.Shutdown(SocketShutdown.Send);
            Assert.Equal(payload, await reading.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        await forward.WaitForAsync($"^Handling connection for {local}$", TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await serving;
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int length)
    {
        var buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }

    private static async Task ServeEchoAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                connections.Add(Task.Run(async () =>
                {
                    using (client)
                    {
                        await client.GetStream().CopyToAsync(client.GetStream(), CancellationToken.None);
                        client.Client.Shutdown(SocketShutdown.Send);
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException)
        {
            await Task.WhenAll(connections);
        }
    }
}
