using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Tandem.Sidecars.Admin;

/// <summary>
/// Listens to every instrument of one <see cref="Meter"/> and renders what it recorded in the
/// Prometheus text exposition format 0.0.4. Aggregation happens as measurements arrive, so a
/// scrape only reads totals and costs the same however busy the sidecar was.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>The content type Prometheus expects for this format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly MeterListener _listener;
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> _instruments = new();

    public PrometheusExporter(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (!ReferenceEquals(instrument.Meter, meter))
                {
                    return;
                }
                var aggregate = InstrumentAggregate.Create(instrument);
                if (aggregate is not null && _instruments.TryAdd(instrument, aggregate))
                {
                    listener.EnableMeasurementEvents(instrument, aggregate);
                }
            },
            MeasurementsCompleted = (instrument, state) => _instruments.TryRemove(instrument, out var removed),
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>Renders every series in a stable order (by metric name, then labels).</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder(4096);
        foreach (var aggregate in _instruments.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var series = aggregate.Series.OrderBy(s => s.Labels, StringComparer.Ordinal).ToList();
            if (series.Count == 0)
            {
                continue;
            }
            if (!string.IsNullOrEmpty(aggregate.Instrument.Description))
            {
                text.Append("# HELP ").Append(aggregate.Name).Append(' ').Append(PrometheusNames.EscapeHelp(aggregate.Instrument.Description)).Append('\n');
            }
            text.Append("# TYPE ").Append(aggregate.Name).Append(' ').Append(TypeName(aggregate.Kind)).Append('\n');
            foreach (var one in series)
            {
                if (aggregate.Kind == MetricKind.Histogram)
                {
                    AppendHistogram(text, aggregate, one);
                }
                else
                {
                    text.Append(aggregate.Name).Append(one.Labels).Append(' ').Append(Format(one.Value)).Append('\n');
                }
            }
        }
        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private static void AppendHistogram(StringBuilder text, InstrumentAggregate aggregate, MetricSeries series)
    {
        var bounds = aggregate.Bounds!;
        var counts = series.BucketCounts();
        long cumulative = 0;
        for (var i = 0; i <= bounds.Length; i++)
        {
            cumulative += counts[i];
            var le = i < bounds.Length ? Format(bounds[i]) : "+Inf";
            text.Append(aggregate.Name).Append("_bucket").Append(WithLabel(series.Labels, "le", le)).Append(' ').Append(cumulative).Append('\n');
        }
        // _count is the +Inf bucket so the three lines agree even while requests are recorded mid-scrape.
        text.Append(aggregate.Name).Append("_sum").Append(series.Labels).Append(' ').Append(Format(series.Value)).Append('\n');
        text.Append(aggregate.Name).Append("_count").Append(series.Labels).Append(' ').Append(cumulative).Append('\n');
    }

    private static string WithLabel(string labels, string name, string value) =>
        labels.Length == 0 ? $"{{{name}=\"{value}\"}}" : $"{labels[..^1]},{name}=\"{value}\"}}";

    private static string TypeName(MetricKind kind) => kind switch
    {
        MetricKind.Counter or MetricKind.ObservedCounter => "counter",
        MetricKind.Histogram => "histogram",
        _ => "gauge",
    };

    internal static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
