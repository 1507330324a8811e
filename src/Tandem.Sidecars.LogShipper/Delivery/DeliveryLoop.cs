using Tandem.Sidecars.LogShipper.Configuration;

namespace Tandem.Sidecars.LogShipper.Delivery;

/// <summary>
/// The memory-buffer pipeline: take a batch from the queue, send it to every output, then
/// acknowledge its positions. One batch is in flight at a time, so acknowledgements arrive in read
/// order and an offset never jumps over a batch that was not delivered.
/// </summary>
public sealed class DeliveryLoop(EventQueue queue, BatchConfig batch, BatchSender sender, SourceAcknowledger acknowledger, TimeProvider time)
{
    private readonly BatchReader _reader = new(queue.Reader, batch, time);

    /// <summary>Runs until the queue is completed and empty, or <paramref name="abort"/> fires (unacknowledged batches are then re-sent after restart).</summary>
    public async Task RunAsync(CancellationToken abort)
    {
        while (await _reader.ReadAsync(abort).ConfigureAwait(false) is { } events)
        {
            await sender.SendAsync(events, abort).ConfigureAwait(false);
            await acknowledger.AcknowledgeAsync(events, abort).ConfigureAwait(false);
        }
        await acknowledger.FlushAsync(abort).ConfigureAwait(false);
    }
}
