using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tandem.Sidecars.Proxy.Observability;

/// <summary>The proxy's instruments, exported on the admin port's <c>/metrics</c>.</summary>
internal sealed class ProxyMetrics : IDisposable
{
    private static readonly double[] LatencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _inFlight;
    private readonly Counter<long> _upstreamErrors;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _reloads;
    private readonly Counter<long> _certificateReloads;

    public ProxyMetrics()
    {
        Meter = new Meter("tandem.proxy");
        _requests = Meter.CreateCounter<long>("tandem.proxy.requests", description: "Requests answered, by route and status class.");
        _duration = Meter.CreateHistogram<double>("tandem.proxy.request.duration", unit: "s", description: "Time from request start to the end of the response, by route and status class.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _inFlight = Meter.CreateUpDownCounter<long>("tandem.proxy.requests.in_flight", description: "Requests being forwarded now, by route.");
        _upstreamErrors = Meter.CreateCounter<long>("tandem.proxy.upstream.errors", description: "Failed attempts to reach the app, by route and kind.");
        _rejected = Meter.CreateCounter<long>("tandem.proxy.rejected", description: "Requests refused by the proxy itself, by route and reason.");
        _reloads = Meter.CreateCounter<long>("tandem.proxy.config.reloads", description: "Configuration reloads, by result.");
        _certificateReloads = Meter.CreateCounter<long>("tandem.proxy.tls.certificate.reloads", description: "TLS certificate reloads, by result.");
    }

    public Meter Meter { get; }

    public void RequestStarted(string route) => _inFlight.Add(1, new KeyValuePair<string, object?>("route", route));

    public void RequestFinished(string route, int status, double seconds)
    {
        _inFlight.Add(-1, new KeyValuePair<string, object?>("route", route));
        Completed(route, status, seconds);
    }

    /// <summary>A request answered without being forwarded (no route, refused): counted, never in flight.</summary>
    public void Completed(string route, int status, double seconds)
    {
        var tags = new TagList { { "route", route }, { "code", StatusClass(status) } };
        _requests.Add(1, tags);
        _duration.Record(seconds, tags);
    }

    public void UpstreamError(string route, string kind) =>
        _upstreamErrors.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("kind", kind));

    public void Rejected(string route, string reason) =>
        _rejected.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("reason", reason));

    public void ConfigReloaded(string result) => _reloads.Add(1, new KeyValuePair<string, object?>("result", result));

    public void CertificateReloaded(string result) => _certificateReloads.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Dispose() => Meter.Dispose();

    private static string StatusClass(int status) => status is >= 100 and < 600 ? StatusClasses[(status / 100) - 1] : "other";
}
