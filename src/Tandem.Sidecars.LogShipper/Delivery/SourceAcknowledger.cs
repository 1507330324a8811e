using Microsoft.Extensions.Logging;
using Tandem.Sidecars.LogShipper.Checkpoints;
using Tandem.Sidecars.LogShipper.Events;
using Tandem.Sidecars.LogShipper.Telemetry;

namespace Tandem.Sidecars.LogShipper.Delivery;

/// <summary>
/// What happens once a batch is safe (acknowledged by every sink, or durable in the disk buffer):
/// each stream's acknowledged offset advances, the checkpoint is written, the memory budget is
/// released. The checkpoint write (two fsyncs, ~10 ms on a VM disk) overlaps the next send instead
/// of stalling it; at most one write is in flight, so a crash re-sends at most the batch in flight
/// and the one acknowledged just before it.
/// </summary>
public sealed partial class SourceAcknowledger(CheckpointLedger ledger, ByteBudget budget, ShipperMetrics metrics, ILogger log)
{
    private readonly Dictionary<TrackedStream, long> _acks = [];
    private Task _saving = Task.CompletedTask;

    public async Task AcknowledgeAsync(List<LogEvent> events, CancellationToken abort)
    {
        _acks.Clear();
        long bytes = 0;
        foreach (var e in events)
        {
            bytes += e.BudgetBytes;
            if (e.Origin is { } origin)
            {
                _acks[origin] = e.EndOffset;
            }
        }
        foreach (var (stream, offset) in _acks)
        {
            ledger.Acknowledge(stream, offset);
        }
        await _saving.ConfigureAwait(false);
        _saving = Task.Run(() => Save(abort), CancellationToken.None);
        budget.Release(bytes);
    }

    /// <summary>Waits for the write in flight, then writes whatever was acknowledged after its snapshot.</summary>
    public async Task FlushAsync(CancellationToken abort)
    {
        await _saving.ConfigureAwait(false);
        Save(abort);
    }

    private void Save(CancellationToken abort)
    {
        // A failed write is retried with the next batch; until then a crash re-sends, never loses.
        try
        {
            if (ledger.Save())
            {
                metrics.CheckpointWrites.Add(1);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && !abort.IsCancellationRequested)
        {
            Log.CheckpointFailed(log, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "writing the checkpoint failed: {Reason}; retrying with the next batch")]
        public static partial void CheckpointFailed(ILogger logger, string reason);
    }
}
