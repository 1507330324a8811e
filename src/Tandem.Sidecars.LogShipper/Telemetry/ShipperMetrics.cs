using System.Diagnostics.Metrics;

namespace Tandem.Sidecars.LogShipper.Telemetry;

/// <summary>The shipper's instruments, exported by the admin server's <c>/metrics</c>.</summary>
public sealed class ShipperMetrics : IDisposable
{
    public const string MeterName = "tandem.ship";

    public ShipperMetrics()
    {
        Meter = new Meter(MeterName);
        LinesRead = Meter.CreateCounter<long>("tandem_ship_lines_read", description: "Events read from inputs (after multi-line joining).");
        BytesRead = Meter.CreateCounter<long>("tandem_ship_read", "By", "Bytes of events read from inputs.");
        EventsShipped = Meter.CreateCounter<long>("tandem_ship_events_shipped", description: "Events acknowledged by an output.");
        BytesShipped = Meter.CreateCounter<long>("tandem_ship_shipped", "By", "Message bytes acknowledged by an output.");
        Retries = Meter.CreateCounter<long>("tandem_ship_retries", description: "Batch sends that failed temporarily and were retried.");
        Dropped = Meter.CreateCounter<long>("tandem_ship_events_dropped", description: "Events not delivered: rejected by a sink or removed by a filter (label reason).");
        Truncated = Meter.CreateCounter<long>("tandem_ship_lines_truncated", description: "Lines or multi-line events cut at the maximum size.");
        Rotations = Meter.CreateCounter<long>("tandem_ship_truncations_detected", description: "Files found truncated or rewritten (copytruncate, truncate to zero).");
        CheckpointWrites = Meter.CreateCounter<long>("tandem_ship_checkpoint_writes", description: "Durable checkpoint file writes.");
    }

    public Meter Meter { get; }

    public Counter<long> LinesRead { get; }

    public Counter<long> BytesRead { get; }

    public Counter<long> EventsShipped { get; }

    public Counter<long> BytesShipped { get; }

    public Counter<long> Retries { get; }

    public Counter<long> Dropped { get; }

    public Counter<long> Truncated { get; }

    public Counter<long> Rotations { get; }

    public Counter<long> CheckpointWrites { get; }

    /// <summary>Gauges read from live state when <c>/metrics</c> is scraped.</summary>
    public void Observe(Func<long> bufferedBytes, Func<IReadOnlyList<(string Path, long Lag)>> lag, Func<long>? diskBufferBytes = null)
    {
        if (diskBufferBytes is not null)
        {
            Meter.CreateObservableGauge("tandem_ship_buffered_disk", diskBufferBytes, "By", "Bytes in the disk buffer (bounded by buffer.maxDiskBytes).");
        }
        Meter.CreateObservableGauge("tandem_ship_buffered", () => bufferedBytes(), "By", "Event bytes read but not yet acknowledged (bounded by buffer.maxBytes).");
        Meter.CreateObservableGauge("tandem_ship_file_lag", () => lag().Select(l => new Measurement<long>(l.Lag, new KeyValuePair<string, object?>("file", l.Path))), "By", "Bytes written to a file but not yet acknowledged.");
    }

    public void Dispose() => Meter.Dispose();
}
