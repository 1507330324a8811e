using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Delivery;
using Tandem.Sidecars.LogShipper.Telemetry;

namespace Tandem.Sidecars.LogShipper.Buffering;

/// <summary>Moves batches from the memory queue into the disk buffer; a batch durable on disk counts as acknowledged for the sources.</summary>
public sealed class BufferIntake(EventQueue queue, BatchConfig batch, DiskBuffer buffer, SourceAcknowledger acknowledger, ShipperMetrics metrics, TimeProvider time)
{
    private readonly BatchReader _reader = new(queue.Reader, batch, time);

    public async Task RunAsync(CancellationToken abort)
    {
        try
        {
            while (await _reader.ReadAsync(abort).ConfigureAwait(false) is { } events)
            {
                var send = events.FindAll(e => !e.Filtered);
                if (send.Count < events.Count)
                {
                    metrics.Dropped.Add(events.Count - send.Count, new KeyValuePair<string, object?>("reason", "filtered"));
                }
                if (send.Count > 0)
                {
                    var dropped = await buffer.AppendAsync(EventCodec.Encode(send), abort).ConfigureAwait(false);
                    if (dropped > 0)
                    {
                        metrics.Dropped.Add(dropped, new KeyValuePair<string, object?>("reason", "buffer_full"));
                    }
                }
                acknowledger.Acknowledge(events);
            }
            await acknowledger.FlushAsync().WaitAsync(abort).ConfigureAwait(false);
        }
        finally
        {
            buffer.CompleteWriting();
        }
    }
}
