using System.Net;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Lifecycle;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_OnlyWhileTheAppAnswersItsHealthCheck()
    {
        var healthy = 0;
        var checkedOnce = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = Volatile.Read(ref healthy) == 1 ? 200 : 503;
            checkedOnce.TrySetResult();
            return Task.CompletedTask;
        });
        await using var proxy = await RunningProxy.StartAsync($"""
            listen:
              http: 127.0.0.1:0
            health:
              url: {backend.Address}healthz
              interval: 50ms
            routes:
              - name: app
                upstreams: [{backend.Address}]
            """);
        using var admin = new HttpClient { BaseAddress = proxy.Host.AdminAddress };
        await checkedOnce.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var before = await admin.GetAsync("/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        // Either "waiting for the app" (first check still in flight) or "status 503": never ready.
        Assert.StartsWith("not ready:", await before.Content.ReadAsStringAsync());

        Volatile.Write(ref healthy, 1);
        var ready = false;
        for (var i = 0; i < 400 && !ready; i++)
        {
            ready = (await admin.GetAsync("/ready")).StatusCode == HttpStatusCode.OK;
            if (!ready)
            {
                await Task.Delay(25);
            }
        }

        Assert.True(ready, "the proxy never became ready after the app turned healthy");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/live")).StatusCode);
    }
}
