using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Delivery;

/// <summary>
/// The memory-buffer pipeline: take a batch from the queue and start sending it to every output,
/// with up to <see cref="BatchConfig.MaxInFlight"/> batches under way; acknowledge batches strictly
/// in the order they were read, each only once every output delivered it, so an offset never jumps
/// over a batch that was not delivered even when a later one finished first.
/// </summary>
public sealed class DeliveryLoop(EventQueue queue, BatchConfig batch, BatchSender sender, SourceAcknowledger acknowledger, TimeProvider time)
{
    private readonly BatchReader _reader = new(queue.Reader, batch, time);
    private readonly Queue<(List<LogEvent> Events, Task Sent)> _inFlight = new();

    /// <summary>Runs until the queue is completed and empty, or <paramref name="abort"/> fires (unacknowledged batches are then re-sent after restart).</summary>
    public async Task RunAsync(CancellationToken abort)
    {
        Task<List<LogEvent>?>? reading = null;
        while (true)
        {
            reading ??= _reader.ReadAsync(abort);
            if (_inFlight.Count > 0 && !reading.IsCompleted)
            {
                // Acknowledge finished batches while waiting for the next one: their budget frees the readers.
                var oldest = _inFlight.Peek().Sent;
                if (await Task.WhenAny(reading, oldest).ConfigureAwait(false) == oldest)
                {
                    await AcknowledgeOldestAsync(abort).ConfigureAwait(false);
                    continue;
                }
            }
            var events = await reading.ConfigureAwait(false);
            reading = null;
            if (events is null)
            {
                break;
            }
            _inFlight.Enqueue((events, sender.SendAsync(events, abort)));
            while (_inFlight.Count >= batch.MaxInFlight)
            {
                await AcknowledgeOldestAsync(abort).ConfigureAwait(false);
            }
        }
        while (_inFlight.Count > 0)
        {
            await AcknowledgeOldestAsync(abort).ConfigureAwait(false);
        }
        await acknowledger.FlushAsync().WaitAsync(abort).ConfigureAwait(false);
    }

    private async Task AcknowledgeOldestAsync(CancellationToken abort)
    {
        var (events, sent) = _inFlight.Dequeue();
        await sent.ConfigureAwait(false);
        acknowledger.Acknowledge(events);
    }
}
