using System.Diagnostics.Metrics;
using System.Net;
using Tandem.Testing;

namespace Tandem.Sidecars.Admin.Tests;

public sealed class AdminServerTests : IAsyncLifetime
{
    private readonly Meter _meter = new("tandem.test.admin." + Guid.NewGuid().ToString("N"));
    private readonly ReadinessLatch _ready = new("waiting for the app");
    private readonly DrainCoordinator _drain = new(TimeSpan.FromSeconds(5), new ManualTimeProvider(), handleSignals: false);
    private readonly HttpClient _client = new();
    private AdminServer? _admin;

    private AdminServer Admin => _admin!;

    public async Task InitializeAsync()
    {
        _admin = await AdminServer.StartAsync(new AdminOptions { Port = 0 }, _meter, _ready, _drain, null, CancellationToken.None);
        _client.BaseAddress = Admin.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await Admin.DisposeAsync();
        _client.Dispose();
        _drain.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public async Task Live_AnswersOk()
    {
        var response = await _client.GetAsync("/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_FollowsTheLatch_AndTurnsUnreadyWhenDrainStarts()
    {
        var before = await _client.GetAsync("/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("waiting for the app", await before.Content.ReadAsStringAsync());

        _ready.SetReady();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/ready")).StatusCode);

        _drain.RequestDrain("test");
        var draining = await _client.GetAsync("/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, draining.StatusCode);
        Assert.Contains("draining", await draining.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Shutdown_FromLoopback_StartsTheDrain()
    {
        var response = await _client.PostAsync("/shutdown", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(_drain.Draining.IsCancellationRequested);
        Assert.Equal("POST /shutdown", _drain.Reason);
    }

    [Fact]
    public async Task Shutdown_WithGet_IsNotAllowed_AndDoesNotDrain()
    {
        var response = await _client.GetAsync("/shutdown");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.False(_drain.IsDraining);
    }

    [Fact]
    public async Task Metrics_ExposesCountersGaugesAndHistograms_InPrometheusFormat()
    {
        var requests = _meter.CreateCounter<long>("tandem.test.requests", description: "Requests seen.");
        var inflight = _meter.CreateUpDownCounter<long>("tandem.test.in_flight");
        var latency = _meter.CreateHistogram<double>("tandem.test.duration", unit: "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5] });
        requests.Add(2, new KeyValuePair<string, object?>("route", "api"), new KeyValuePair<string, object?>("code", "2xx"));
        requests.Add(1, new KeyValuePair<string, object?>("code", "2xx"), new KeyValuePair<string, object?>("route", "api"));
        inflight.Add(3);
        inflight.Add(-1);
        latency.Record(0.05);
        latency.Record(0.3);
        latency.Record(0.3);
        latency.Record(7);

        var response = await _client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("# HELP tandem_test_requests_total Requests seen.\n", text);
        Assert.Contains("# TYPE tandem_test_requests_total counter\n", text);
        Assert.Contains("tandem_test_requests_total{code=\"2xx\",route=\"api\"} 3\n", text);
        Assert.Contains("# TYPE tandem_test_in_flight gauge\ntandem_test_in_flight 2\n", text);
        Assert.Contains("# TYPE tandem_test_duration_seconds histogram\n", text);
        Assert.Contains("tandem_test_duration_seconds_bucket{le=\"0.1\"} 1\n", text);
        Assert.Contains("tandem_test_duration_seconds_bucket{le=\"0.5\"} 3\n", text);
        Assert.Contains("tandem_test_duration_seconds_bucket{le=\"+Inf\"} 4\n", text);
        Assert.Contains("tandem_test_duration_seconds_sum 7.65\n", text);
        Assert.Contains("tandem_test_duration_seconds_count 4\n", text);
    }

    [Fact]
    public async Task Metrics_EscapesLabelValues()
    {
        var counter = _meter.CreateCounter<int>("tandem.test.escaped");
        counter.Add(1, new KeyValuePair<string, object?>("path", "a\"b\\c\nd"));

        var text = await _client.GetStringAsync("/metrics");

        Assert.Contains("tandem_test_escaped_total{path=\"a\\\"b\\\\c\\nd\"} 1\n", text);
    }

    [Fact]
    public async Task Metrics_ObservableGauge_ReportsTheCurrentValue()
    {
        var value = 41;
        _meter.CreateObservableGauge("tandem.test.config_generation", () => value);
        value = 42;

        var text = await _client.GetStringAsync("/metrics");

        Assert.Contains("tandem_test_config_generation 42\n", text);
    }

    [Fact]
    public async Task Metrics_IgnoreInstrumentsOfOtherMeters()
    {
        using var other = new Meter("tandem.test.other." + Guid.NewGuid().ToString("N"));
        other.CreateCounter<long>("tandem.test.foreign").Add(1);

        var text = await _client.GetStringAsync("/metrics");

        Assert.DoesNotContain("foreign", text);
    }

    [Fact]
    public async Task Metrics_IncludeTheProcessAndGcFigures_WithPlausibleValues()
    {
        var text = await _client.GetStringAsync("/metrics");

        double Value(string name) => double.Parse(
            text.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..],
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("# TYPE process_cpu_seconds_total counter\n", text);
        Assert.InRange(Value("process_cpu_seconds_total"), 0.001, 1e6);
        var statm = File.ReadAllText("/proc/self/statm").Split(' ');
        var resident = long.Parse(statm[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        Assert.InRange(Value("process_resident_memory_bytes"), resident / 2.0, resident * 2.0);
        var startedAgo = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - Value("process_start_time_seconds");
        Assert.InRange(startedAgo, 0, 3600);
        Assert.InRange(Value("process_open_fds"), 3, Value("process_max_fds"));
        Assert.True(Value("dotnet_gc_allocated_bytes_total") > 0);
        Assert.Contains("dotnet_gc_collections_total{generation=\"0\"} ", text);
        Assert.Contains("# TYPE dotnet_gc_heap_size_bytes gauge\n", text);
    }

    [Fact]
    public async Task UnknownPath_IsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/nope")).StatusCode);
    }
}
