using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Tandem.Model.CoreV1;
using Tandem.Node.Handlers;
using Tandem.Runtime;
using Tandem.Runtime.Networking;
using Tandem.Testing;

namespace Tandem.Node.Tests.Handlers;

public sealed class HandlerRunnerTests
{
    private static readonly ManualTimeProvider Clock = new();

    private static HandlerTarget Target(params ContainerPort[] ports) => new("c1", null, "127.0.0.1", ports);

    private static HandlerRunner Runner(ExecResult? exec = null) => new(new FakeExecRuntime(exec ?? new ExecResult(0, "", "", false)), Clock);

    [Fact]
    public async Task HttpGet_2xxAnd3xx_Succeed_WithTheKubeletsHeaders()
    {
        string? agent = null, custom = null, host = null;
        await using var server = await TestServer.StartAsync(async context =>
        {
            agent = context.Request.Headers.UserAgent;
            custom = context.Request.Headers["X-Probe"];
            host = context.Request.Host.Value;
            context.Response.StatusCode = context.Request.Path == "/moved" ? 302 : 200;
            await context.Response.WriteAsync("ok");
        });
        var probe = new Probe { HttpGet = new() { Path = "/healthz", Port = "http", HttpHeaders = [new() { Name = "X-Probe", Value = "yes" }, new() { Name = "Host", Value = "app.local" }] }, TimeoutSeconds = 2 };

        var ok = await Runner().ProbeAsync(probe, Target(new ContainerPort { Name = "http", Number = server.Port }), default);
        var moved = await Runner().ProbeAsync(probe with { HttpGet = probe.HttpGet with { Path = "moved" } }, Target(new ContainerPort { Name = "http", Number = server.Port }), default);

        Assert.Equal(HandlerOutcome.Success("ok"), ok);
        Assert.Equal(HandlerResult.Success, moved.Result);
        Assert.Equal(("kube-probe/1.33", "yes", "app.local"), (agent, custom, host));
    }

    [Fact]
    public async Task HttpGet_ServerError_IsAFailureWithTheStatusCode()
    {
        await using var server = await TestServer.StartAsync(context => { context.Response.StatusCode = 503; return Task.CompletedTask; });

        var outcome = await Runner().ProbeAsync(new Probe { HttpGet = new() { Path = "/", Port = server.Port } }, Target(), default);

        Assert.Equal(HandlerOutcome.Failure("HTTP probe failed with statuscode: 503"), outcome);
    }

    [Fact]
    public async Task HttpGetHook_Redirect_IsAFailure()
    {
        await using var server = await TestServer.StartAsync(context => { context.Response.StatusCode = 301; return Task.CompletedTask; });

        var outcome = await Runner().RunHookAsync(new LifecycleHandler { HttpGet = new() { Path = "/drain", Port = server.Port } }, Target(), default);

        Assert.Equal(HandlerResult.Failure, outcome.Result);
    }

    [Fact]
    public async Task HttpGet_NobodyListening_IsAFailureNamingTheAddress()
    {
        var port = FreePort();

        var outcome = await Runner().ProbeAsync(new Probe { HttpGet = new() { Path = "/", Port = port } }, Target(), default);

        Assert.Equal(HandlerResult.Failure, outcome.Result);
        Assert.Contains($"127.0.0.1:{port}", outcome.Output);
        Assert.Contains("refused", outcome.Output);
    }

    [Fact]
    public async Task HttpGet_SlowerThanTimeout_FailsAtTheTimeout()
    {
        await using var server = await TestServer.StartAsync(async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        var watch = Stopwatch.StartNew();

        var outcome = await Runner().ProbeAsync(new Probe { HttpGet = new() { Path = "/", Port = server.Port }, TimeoutSeconds = 1 }, Target(), default);

        Assert.Equal(HandlerResult.Failure, outcome.Result);
        Assert.Contains("deadline exceeded", outcome.Output);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task UnknownPortName_IsAnError_NotAFailure()
    {
        var outcome = await Runner().ProbeAsync(new Probe { TcpSocket = new() { Port = "metrics" } }, Target(new ContainerPort { Name = "http", Number = 80 }), default);

        Assert.Equal(HandlerResult.Error, outcome.Result);
    }

    [Fact]
    public async Task TcpSocket_ListeningPortSucceeds_ClosedPortFails()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var open = ((IPEndPoint)listener.LocalEndpoint).Port;

        var ok = await Runner().ProbeAsync(new Probe { TcpSocket = new() { Port = open } }, Target(), default);
        var closed = await Runner().ProbeAsync(new Probe { TcpSocket = new() { Port = FreePort() } }, Target(), default);

        Assert.Equal(HandlerResult.Success, ok.Result);
        Assert.Equal(HandlerResult.Failure, closed.Result);
        Assert.StartsWith("dial tcp 127.0.0.1:", closed.Output);
    }

    [Theory]
    [InlineData(1, "", HandlerResult.Success, "")]
    [InlineData(2, "", HandlerResult.Failure, "service unhealthy (responded with \"NOT_SERVING\")")]
    [InlineData(3, "db", HandlerResult.Failure, "service unhealthy (responded with \"SERVICE_UNKNOWN\")")]
    public async Task Grpc_HealthCheckStatusDecides(int status, string service, HandlerResult result, string output)
    {
        string? askedFor = null;
        await using var server = await TestServer.StartAsync(async context =>
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var bytes = body.ToArray();
            askedFor = bytes.Length > 7 ? System.Text.Encoding.UTF8.GetString(bytes, 7, bytes[6]) : "";
            context.Response.ContentType = "application/grpc";
            context.Response.AppendTrailer("grpc-status", "0");
            await context.Response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 2, 0x08, (byte)status });
        }, HttpProtocols.Http2);

        var outcome = await Runner().ProbeAsync(new Probe { Grpc = new() { Port = server.Port, Service = service }, TimeoutSeconds = 5 }, Target(), default);

        Assert.Equal((result, output), (outcome.Result, outcome.Output));
        Assert.Equal(service, askedFor);
    }

    [Fact]
    public async Task Exec_ExitCodeDecides_AndATimeoutIsAFailure()
    {
        var ok = await Runner(new ExecResult(0, "fine", "", false)).ProbeAsync(new Probe { Exec = new() { Command = ["cat", "/tmp/healthy"] } }, Target(), default);
        var bad = await Runner(new ExecResult(1, "", "no such file", false)).ProbeAsync(new Probe { Exec = new() { Command = ["cat", "/tmp/healthy"] } }, Target(), default);
        var slow = await Runner(new ExecResult(-1, "", "", true)).ProbeAsync(new Probe { Exec = new() { Command = ["sleep", "9"] } }, Target(), default);

        Assert.Equal(HandlerOutcome.Success("fine"), ok);
        Assert.Equal(HandlerOutcome.Failure("no such file"), bad);
        Assert.Equal(HandlerOutcome.Failure("command \"sleep 9\" timed out"), slow);
    }

    [Fact]
    public async Task SleepHook_WaitsOnTheNodesClock()
    {
        var clock = new ManualTimeProvider();
        var runner = new HandlerRunner(new FakeExecRuntime(new ExecResult(0, "", "", false)), clock);

        var hook = runner.RunHookAsync(new LifecycleHandler { Sleep = new() { Seconds = 5 } }, Target(), default);
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(hook.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HandlerResult.Success, (await hook.WaitAsync(TimeSpan.FromSeconds(10))).Result);
    }

    [PrerequisiteFact("root", "cmd:ip")]
    public async Task NetworkHandlers_RunInsideThePodsNetworkNamespace()
    {
        Prerequisites.Require("root", "cmd:ip");
        var name = "tandem-test-" + Guid.NewGuid().ToString("N")[..8];
        Run("ip", "netns", "add", name);
        try
        {
            Run("ip", "-n", name, "link", "set", "lo", "up");
            var path = $"/run/netns/{name}";
            using var listener = NetworkNamespaceSockets.CreateTcp(path);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen();
            var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            var probe = new Probe { TcpSocket = new() { Port = port } };

            var inside = await Runner().ProbeAsync(probe, new HandlerTarget("c1", path, "127.0.0.1", []), default);

            Assert.Equal(HandlerResult.Success, inside.Result);
        }
        finally
        {
            Run("ip", "netns", "delete", name);
        }
        Assert.False(File.Exists("/run/netns/" + name), "the test namespace must be gone");
    }

    private static void Run(params string[] command)
    {
        using var process = Process.Start(new ProcessStartInfo(command[0], command[1..]) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', command)}: {process.StandardError.ReadToEnd()}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
