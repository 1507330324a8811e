using System.Threading.Channels;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Delivery;

/// <summary>Takes the next batch: up to the size limits, waiting at most <see cref="BatchConfig.MaxWait"/> after its first event.</summary>
public sealed class BatchReader(ChannelReader<LogEvent> reader, BatchConfig config, TimeProvider time)
{
    /// <summary>The next batch, or null when the queue is completed and empty.</summary>
    public async Task<List<LogEvent>?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var batch = new List<LogEvent>();
        long bytes = 0;
        var started = time.GetTimestamp();
        while (true)
        {
            while (batch.Count < config.MaxEvents && bytes < config.MaxBytes.Bytes && reader.TryRead(out var e))
            {
                batch.Add(e);
                bytes += e.Message.Length;
            }
            var remaining = config.MaxWait - time.GetElapsedTime(started);
            if (batch.Count >= config.MaxEvents || bytes >= config.MaxBytes.Bytes || remaining <= TimeSpan.Zero)
            {
                return batch;
            }
            using var timeout = new CancellationTokenSource(remaining, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                if (!await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false))
                {
                    return batch;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return batch;
            }
        }
    }
}
