using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Lifecycle;

public sealed class DrainTests
{
    /// <summary>
    /// The scenario is a pod deleted with a 30 s grace period while 10 s requests run. The
    /// behaviour is the same at any scale, so the test uses a 10 s grace and 1 s requests: ten
    /// requests are in flight when the drain starts (SIGTERM does exactly RequestDrain), every one
    /// of them completes with 200, new connections are refused, and the proxy exits with 0 once the
    /// last one finished, well before the grace period ends.
    /// </summary>
    [Fact]
    public async Task Drain_ScaledFrom30sGraceAnd10sRequests_FinishesEveryInFlightRequest_AndRefusesNewConnections()
    {
        const int InFlight = 10;
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            if (Interlocked.Increment(ref arrived) == InFlight)
            {
                allArrived.TrySetResult();
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
            await ctx.Response.WriteAsync("done");
        });
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            drain:
              grace: 10s
            routes:
              - name: app
                upstreams: [{backend.Address}]
            """);
        using var client = proxy.CreateClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = InFlight });
        var requests = Enumerable.Range(0, InFlight).Select(_ => client.GetAsync("/slow")).ToList();
        await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(20));

        proxy.Host.Drain.RequestDrain("SIGTERM");
        var run = proxy.Host.RunAsync(CancellationToken.None);

        var refused = false;
        for (var i = 0; i < 200 && !refused; i++)
        {
            refused = !await CanConnectAsync(proxy.Host.HttpEndpoint!.Port);
            if (!refused)
            {
                await Task.Delay(10);
            }
        }
        var responses = await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(20));
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(refused, "new connections are still accepted while draining");
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            Assert.Equal("done", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Drain_RequestLongerThanTheGrace_IsCutAtTheDeadline()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
        });
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            drain:
              grace: 300ms
            routes:
              - name: app
                upstreams: [{backend.Address}]
                timeout: none
            """);
        using var client = proxy.CreateClient();
        var hanging = client.GetAsync("/forever");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));

        proxy.Host.Drain.RequestDrain("SIGTERM");
        var exitCode = await proxy.Host.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, exitCode);
        await Assert.ThrowsAnyAsync<Exception>(() => hanging.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task AdminShutdown_StartsTheDrain_AndReadinessDrops()
    {
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("ok"));
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            routes:
              - name: app
                upstreams: [{backend.Address}]
            """);
        using var admin = new HttpClient { BaseAddress = proxy.Host.AdminAddress };
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/ready")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/shutdown", null)).StatusCode);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await admin.GetAsync("/ready")).StatusCode);
        Assert.Equal(0, await proxy.Host.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20)));
    }

    private static async Task<bool> CanConnectAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
