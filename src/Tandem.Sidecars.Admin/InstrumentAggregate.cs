using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Tandem.Sidecars.Admin;

/// <summary>Everything recorded for one instrument: its Prometheus identity and its series by label set.</summary>
internal sealed class InstrumentAggregate
{
    /// <summary>Prometheus' own default buckets (seconds), used when an instrument gives no advice.</summary>
    internal static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);
    private readonly Func<string, MetricSeries> _newSeries;

    // Measurements on a request path usually carry one to three tags: this cache finds their series
    // from the tag references alone, without building the label string (an allocation per call).
    private readonly ConcurrentDictionary<(string?, object?, string?, object?, string?, object?), MetricSeries> _byTags = new();

    private InstrumentAggregate(Instrument instrument, MetricKind kind, double[]? bounds)
    {
        Instrument = instrument;
        Kind = kind;
        Bounds = bounds;
        Name = PrometheusNames.For(instrument, kind);
        _newSeries = labels => new MetricSeries(labels, bounds);
    }

    public Instrument Instrument { get; }

    public MetricKind Kind { get; }

    public string Name { get; }

    public double[]? Bounds { get; }

    public IEnumerable<MetricSeries> Series => _series.Values;

    /// <summary>Null for instrument types this exporter does not understand (they are skipped, not guessed).</summary>
    public static InstrumentAggregate? Create(Instrument instrument)
    {
        var definition = instrument.GetType().GetGenericTypeDefinition();
        if (definition == typeof(Counter<>))
        {
            return new(instrument, MetricKind.Counter, null);
        }
        if (definition == typeof(ObservableCounter<>))
        {
            return new(instrument, MetricKind.ObservedCounter, null);
        }
        if (definition == typeof(UpDownCounter<>))
        {
            return new(instrument, MetricKind.UpDownCounter, null);
        }
        if (definition == typeof(ObservableUpDownCounter<>) || definition == typeof(ObservableGauge<>) || definition == typeof(Gauge<>))
        {
            return new(instrument, MetricKind.Gauge, null);
        }
        if (definition == typeof(Histogram<>))
        {
            return new(instrument, MetricKind.Histogram, HistogramBounds(instrument));
        }
        return null;
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = Find(tags);
        switch (Kind)
        {
            case MetricKind.Counter:
            case MetricKind.UpDownCounter:
                series.Add(value);
                break;
            case MetricKind.ObservedCounter:
            case MetricKind.Gauge:
                // Observable instruments report the current total, not a delta.
                series.Set(value);
                break;
            case MetricKind.Histogram:
                series.Observe(value);
                break;
        }
    }

    private MetricSeries Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length > 3)
        {
            return _series.GetOrAdd(LabelKey(tags), _newSeries);
        }
        var key = (
            tags.Length > 0 ? tags[0].Key : null, tags.Length > 0 ? tags[0].Value : null,
            tags.Length > 1 ? tags[1].Key : null, tags.Length > 1 ? tags[1].Value : null,
            tags.Length > 2 ? tags[2].Key : null, tags.Length > 2 ? tags[2].Value : null);
        if (_byTags.TryGetValue(key, out var series))
        {
            return series;
        }
        series = _series.GetOrAdd(LabelKey(tags), _newSeries);
        _byTags.TryAdd(key, series);
        return series;
    }

    private static double[] HistogramBounds(Instrument instrument)
    {
        var advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            _ => null,
        };
        if (advised is null || advised.Length == 0)
        {
            return DefaultBuckets;
        }
        Array.Sort(advised);
        return advised;
    }

    /// <summary>Labels sorted by name so one label set always maps to one series, whatever the tag order.</summary>
    private static string LabelKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }
        var sorted = tags.ToArray();
        if (sorted.Length > 1)
        {
            Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }
        var text = new StringBuilder("{");
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append(PrometheusNames.Sanitize(sorted[i].Key)).Append("=\"");
            PrometheusNames.AppendEscapedLabelValue(text, Convert.ToString(sorted[i].Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
            text.Append('"');
        }
        return text.Append('}').ToString();
    }
}
