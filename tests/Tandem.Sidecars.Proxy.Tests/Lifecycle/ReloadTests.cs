using System.Net;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Lifecycle;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Lifecycle;

public sealed class ReloadTests
{
    private static string Routes(Uri a, Uri b, string prefixForB) => $"""
        listen:
          http: 127.0.0.1:0
        routes:
          - name: a
            upstreams: [{a}]
          - name: b
            pathPrefix: {prefixForB}
            upstreams: [{b}]
        """;

    [Fact]
    public async Task Reload_AppliesTheDiff_AndABadConfigKeepsTheLastGoodOne()
    {
        await using var a = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("a"));
        await using var b = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("b"));
        await using var proxy = await RunningProxy.StartAsync(Routes(a.Address, b.Address, "/b"));
        using var client = proxy.CreateClient();
        Assert.Equal("b", await client.GetStringAsync("/b"));

        var applied = await proxy.RewriteAsync(Routes(a.Address, b.Address, "/beta"));
        Assert.Equal(ReloadOutcome.Applied, applied.Outcome);
        Assert.Contains("routes: changed 'b'", applied.Changes);
        Assert.Equal("a", await client.GetStringAsync("/b"));
        Assert.Equal("b", await client.GetStringAsync("/beta"));

        var rejected = await proxy.RewriteAsync(Routes(a.Address, b.Address, "beta-without-slash") + "\nbogus: 1\n");
        Assert.Equal(ReloadOutcome.Rejected, rejected.Outcome);
        Assert.Contains(rejected.Errors, e => e.StartsWith("routes[1].pathPrefix:", StringComparison.Ordinal));
        Assert.Contains(rejected.Errors, e => e.StartsWith("bogus: unknown field", StringComparison.Ordinal));
        Assert.Equal("b", await client.GetStringAsync("/beta"));

        var unchanged = await proxy.RewriteAsync(Routes(a.Address, b.Address, "/beta"));
        Assert.Equal(ReloadOutcome.Unchanged, unchanged.Outcome);
    }

    [Fact]
    public async Task Reload_OfAListenerChange_IsReportedAsNeedingARestart()
    {
        await using var a = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("a"));
        await using var proxy = await RunningProxy.StartAsync(Routes(a.Address, a.Address, "/b"));

        var result = await proxy.RewriteAsync(Routes(a.Address, a.Address, "/b").Replace("127.0.0.1:0", "127.0.0.1:1", StringComparison.Ordinal));

        Assert.Equal(ReloadOutcome.Applied, result.Outcome);
        Assert.Contains("listen: changed", result.RestartRequired);
    }

    [Fact]
    public async Task ConfigFileChange_IsPickedUpByTheWatcher()
    {
        await using var a = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("a"));
        await using var b = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("b"));
        await using var proxy = await RunningProxy.StartAsync(Routes(a.Address, b.Address, "/b"), watchConfig: true);
        using var client = proxy.CreateClient();

        await File.WriteAllTextAsync(proxy.ConfigPath, RunningProxy.WithDefaults(Routes(a.Address, b.Address, "/beta")));

        var seen = "";
        for (var i = 0; i < 400 && seen != "b"; i++)
        {
            seen = await client.GetStringAsync("/beta");
            if (seen != "b")
            {
                await Task.Delay(25);
            }
        }
        Assert.Equal("b", seen);
    }

    /// <summary>
    /// The reliability goal: 100 certificate rotations (each a Secret-volume ..data swap) and 100
    /// config reloads while clients keep sending, over kept-alive and fresh TLS connections, with
    /// not one failed request. Every rotation is checked to be in service before the next one.
    /// </summary>
    [Fact]
    public async Task HundredCertificateRotationsAndHundredReloads_UnderConstantLoad_FailNoRequest()
    {
        using var pki = new TestPki();
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("ok"));
        using var directory = new TempDirectory();
        var volume = new SecretVolume(directory.Path);
        var issued = pki.IssueServer();
        volume.Write(new Dictionary<string, string> { ["tls.crt"] = issued.CertificatePem, ["tls.key"] = issued.KeyPem });
        string Config(int generation) => $"""
            listen:
              https: 127.0.0.1:0
            tls:
              certificate: tls.crt
              key: tls.key
              pollInterval: 1h
            routes:
              - name: app
                upstreams: [{backend.Address}]
                timeout: {30 + (generation % 2)}s
            """;
        await using var proxy = await RunningProxy.StartAsync(Config(0), directory);
        var tls = new TlsClient(pki.Ca);

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var succeeded = 0;
        var firstFailure = "";
        async Task LoadAsync(bool freshConnections)
        {
            using var client = new HttpClient(tls.Handler(pooled: !freshConnections)) { BaseAddress = proxy.HttpsAddress };
            // Bounded: the rotation loop ends the load long before this many requests.
            for (var i = 0; i < 100_000 && !stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await client.GetAsync("/");
                    if (response.StatusCode == HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == "ok")
                    {
                        Interlocked.Increment(ref succeeded);
                        continue;
                    }
                    Interlocked.CompareExchange(ref firstFailure, $"status {(int)response.StatusCode}", "");
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref firstFailure, e.ToString(), "");
                }
                Interlocked.Increment(ref failures);
            }
        }
        var load = new[] { LoadAsync(false), LoadAsync(false), LoadAsync(true), LoadAsync(true) };

        for (var generation = 1; generation <= 100; generation++)
        {
            var next = pki.IssueServer();
            volume.Write(new Dictionary<string, string> { ["tls.crt"] = next.CertificatePem, ["tls.key"] = next.KeyPem });
            Assert.True(proxy.Host.ReloadCertificates());
            var reload = await proxy.RewriteAsync(Config(generation));
            Assert.Equal(ReloadOutcome.Applied, reload.Outcome);

            var probe = new TlsClient(pki.Ca);
            using var fresh = new HttpClient(probe.Handler(pooled: false)) { BaseAddress = proxy.HttpsAddress };
            Assert.Equal("ok", await fresh.GetStringAsync("/"));
            Assert.Equal(next.Thumbprint, probe.LastServerThumbprint);
        }
        await stop.CancelAsync();
        await Task.WhenAll(load).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(failures == 0, $"{failures} failed requests; first: {firstFailure}");
        Assert.True(succeeded > 100, $"only {succeeded} requests ran during the rotations");
    }
}
