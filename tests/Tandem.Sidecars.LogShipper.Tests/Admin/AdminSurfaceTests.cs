using Tandem.Sidecars.LogShipper.Tests.Support;

namespace Tandem.Sidecars.LogShipper.Tests.Admin;

/// <summary>The sidecar contract: /live, /ready, /metrics with the shipper's counters and per-file lag, loopback POST /shutdown drains.</summary>
public sealed class AdminSurfaceTests
{
    [Fact]
    public async Task AdminEndpoints_ReportHealthAndMetrics_AndShutdownDrains()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var log = dir.Combine("app.log");
        var writer = new SequenceWriter("admin");
        writer.Append(log, 1000);
        var yaml = ShipperYaml.FileToHttp(dir.Combine("data"), log, sink.Url("/ndjson")).Replace("admin:\n  enabled: false", "admin:\n  port: 0", StringComparison.Ordinal);
        await using var shipper = InProcessShipper.Start(yaml);
        var admin = await shipper.Admin.WaitAsync(TimeSpan.FromSeconds(20));
        using var http = new HttpClient { BaseAddress = admin.BaseAddress };
        await Eventually.AssertAsync(() => sink.Messages.Count >= 1000, TimeSpan.FromSeconds(20), () => "delivery");
        Assert.Equal("live\n", await http.GetStringAsync("/live"));
        Assert.Equal("ready\n", await http.GetStringAsync("/ready"));
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("tandem_ship_lines_read_total 1000", metrics, StringComparison.Ordinal);
        Assert.Contains("tandem_ship_events_shipped_total{output=\"outputs[0] (http)\"} 1000", metrics, StringComparison.Ordinal);
        Assert.Contains($"tandem_ship_file_lag_bytes{{file=\"{log}\"}} 0", metrics, StringComparison.Ordinal);
        Assert.Contains("tandem_ship_buffered_bytes", metrics, StringComparison.Ordinal);
        var shutdown = await http.PostAsync("/shutdown", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, shutdown.StatusCode);
        Assert.Equal(0, await shipper.Completion.WaitAsync(TimeSpan.FromSeconds(20)));
    }
}
