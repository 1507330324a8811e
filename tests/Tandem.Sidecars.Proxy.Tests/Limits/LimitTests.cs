using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Limits;

public sealed class LimitTests
{
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public async Task RouteRateLimit_BeyondTheBurst_Is429WithRetryAfter()
    {
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("ok"));
        // One token per 1000 s: the bucket cannot refill during the test, so the outcome is exact.
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            routes:
              - name: app
                upstreams: [{backend.Address}]
                rateLimit: {"{ requestsPerSecond: 0.001, burst: 2 }"}
            """);
        using var client = proxy.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var refused = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ClientRateLimit_IsPerCaller()
    {
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("ok"));
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            auth:
              apiKeys:
                - {"{ name: alice, sha256: " + Hash("alice-key") + " }"}
                - {"{ name: bob, sha256: " + Hash("bob-key") + " }"}
            rateLimits:
              perClient: {"{ requestsPerSecond: 0.001, burst: 1 }"}
            routes:
              - name: app
                upstreams: [{backend.Address}]
                auth: {"{ require: apiKey }"}
            """);
        using var client = proxy.CreateClient();
        async Task<HttpStatusCode> Get(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add("x-api-key", key);
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Get("alice-key"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Get("alice-key"));
        Assert.Equal(HttpStatusCode.OK, await Get("bob-key"));
    }

    [Fact]
    public async Task ConcurrencyCap_RefusesBeyondItAtOnceWith503_AndAdmitsAgainAfter()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = 0;
        var bothArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            if (Interlocked.Increment(ref arrived) == 2)
            {
                bothArrived.TrySetResult();
            }
            await release.Task;
            await ctx.Response.WriteAsync("ok");
        });
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            limits:
              maxConcurrentRequests: 2
            routes:
              - name: app
                upstreams: [{backend.Address}]
            """);
        using var client = proxy.CreateClient();

        var first = client.GetAsync("/");
        var second = client.GetAsync("/");
        await bothArrived.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var third = await client.GetAsync("/").WaitAsync(TimeSpan.FromSeconds(20));
        release.SetResult();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(3, arrived);
    }
}
