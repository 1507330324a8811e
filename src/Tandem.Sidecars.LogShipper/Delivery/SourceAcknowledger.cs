using Tandem.Sidecars.LogShipper.Checkpoints;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Delivery;

/// <summary>
/// What happens once a batch is safe (acknowledged by every sink, or durable in the disk buffer):
/// each stream's acknowledged offset advances, the memory budget is released and the checkpoint
/// writer is told. The write itself (two fsyncs, ~10 ms on a VM disk) runs beside delivery, so
/// sending never waits for the disk; see <see cref="CheckpointWriter"/> for what a crash re-sends.
/// </summary>
public sealed class SourceAcknowledger(CheckpointLedger ledger, ByteBudget budget, CheckpointWriter writer)
{
    private readonly Dictionary<TrackedStream, long> _acks = [];

    public void Acknowledge(List<LogEvent> events)
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
        writer.Request();
        budget.Release(bytes);
    }

    /// <summary>Drain: waits until everything acknowledged so far is durably checkpointed.</summary>
    public Task FlushAsync() => writer.FlushAsync();
}
