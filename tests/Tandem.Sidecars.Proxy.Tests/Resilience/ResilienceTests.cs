using System.Net;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Resilience;

public sealed class ResilienceTests
{
    [Fact]
    public async Task SlowApp_BeyondTheRouteTimeout_Is504()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            await release.Task.WaitAsync(ctx.RequestAborted);
            await ctx.Response.WriteAsync("late");
        });
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            routes:
              - name: app
                upstreams: [{backend.Address}]
                timeout: 200ms
            """);
        using var client = proxy.CreateClient();

        var response = await client.GetAsync("/").WaitAsync(TimeSpan.FromSeconds(20));
        release.SetResult();

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task IdempotentRequest_IsRetriedAfter503_ButPostIsNot()
    {
        var calls = 0;
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            // Every odd call fails: a retry of a failed call succeeds.
            ctx.Response.StatusCode = Interlocked.Increment(ref calls) % 2 == 1 ? 503 : 200;
            return Task.CompletedTask;
        });
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            routes:
              - name: app
                upstreams: [{backend.Address}]
                retry: {"{ attempts: 2, backoff: 1ms }"}
            """);
        using var client = proxy.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(2, calls);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.PostAsync("/", new StringContent("order"))).StatusCode);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task RetryBudget_StopsRetriesWhenTheAppKeepsFailing()
    {
        var calls = 0;
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            Interlocked.Increment(ref calls);
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            routes:
              - name: app
                upstreams: [{backend.Address}]
                retry: {"{ attempts: 3, backoff: 1ms, budgetPercent: 1 }"}
            """);
        using var client = proxy.CreateClient();

        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/")).StatusCode);
        }

        // 40 requests with 3 retries each would be 160 calls; the budget allows its reserve of 10 retries
        // plus 1% of the requests.
        Assert.InRange(calls, 40, 40 + 11);
    }

    [Fact]
    public async Task CircuitBreaker_OpensAfterFailures_AndFailsFastWithoutCallingTheApp()
    {
        var calls = 0;
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            Interlocked.Increment(ref calls);
            ctx.Response.StatusCode = 502;
            return Task.CompletedTask;
        });
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            routes:
              - name: app
                upstreams: [{backend.Address}]
                circuitBreaker: {"{ failureRatio: 0.5, minimumThroughput: 4, breakDuration: 1h, samplingDuration: 1h }"}
            """);
        using var client = proxy.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/")).StatusCode);
        }
        var whileOpen = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileOpen.StatusCode);
        Assert.Contains("circuit open", await whileOpen.Content.ReadAsStringAsync());
        Assert.Equal(4, calls);
    }
}
