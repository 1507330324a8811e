using Tandem.Sidecars.LogShipper.Delivery;

namespace Tandem.Sidecars.LogShipper.Buffering;

/// <summary>Sends batches from the disk buffer in order, committing the read position after every output acknowledged.</summary>
public sealed class BufferedDeliveryLoop(DiskBuffer buffer, BatchSender sender)
{
    public async Task RunAsync(CancellationToken abort)
    {
        while (await buffer.ReadAsync(abort).ConfigureAwait(false) is { } record)
        {
            await sender.SendAsync(EventCodec.Decode(record.Payload), abort).ConfigureAwait(false);
            buffer.Commit(record.Next);
        }
    }
}
