using Microsoft.Extensions.Logging;
using Tandem.Sidecars.LogShipper.Telemetry;

namespace Tandem.Sidecars.LogShipper.Checkpoints;

/// <summary>
/// Writes the checkpoint file in the background, one write at a time. Acknowledgements that arrive
/// while a write is under way are coalesced into the next one, so at full speed there is one write
/// per disk round trip rather than one per batch, and delivery never waits for an fsync.
/// What a crash re-sends is therefore exactly what lies past the last completed write: batches in
/// flight, and batches acknowledged after the snapshot of the write that was under way. Nothing
/// before a durably written offset is ever sent again.
/// </summary>
public sealed partial class CheckpointWriter : IDisposable
{
    private readonly CheckpointLedger _ledger;
    private readonly ShipperMetrics _metrics;
    private readonly ILogger _log;
    private readonly ManualResetEventSlim _requested = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private volatile bool _stopping;

    public CheckpointWriter(CheckpointLedger ledger, ShipperMetrics metrics, ILogger log)
    {
        _ledger = ledger;
        _metrics = metrics;
        _log = log;
        // Its own thread, not the thread pool's: an fsync blocks for milliseconds (much longer on a
        // busy disk), and a blocked pool thread on a 2-core machine stalls the readers and the sends.
        _thread = new Thread(Run) { IsBackground = true, Name = "checkpoint writer" };
        _thread.Start();
    }

    /// <summary>Something was acknowledged: write it soon. Never blocks.</summary>
    public void Request() => _requested.Set();

    /// <summary>Stops the writer thread once its write is done, then writes whatever is left.</summary>
    public async Task FlushAsync()
    {
        _stopping = true;
        _requested.Set();
        await _stopped.Task.ConfigureAwait(false);
        Save();
    }

    /// <summary>Stops the writer thread without a last write (the grace period ran out: what is unwritten is re-sent).</summary>
    public void Dispose()
    {
        _stopping = true;
        _requested.Set();
        _thread.Join();
        // The event is not disposed: a delivery cut short by the grace period may still signal it.
    }

    private void Run()
    {
        while (true)
        {
            _requested.Wait();
            if (_stopping)
            {
                break;
            }
            // Reset before the snapshot: an acknowledgement arriving during the write sets it again.
            _requested.Reset();
            Save();
        }
        _stopped.TrySetResult();
    }

    private void Save()
    {
        // A failed write is retried with the next acknowledgement; until then a crash re-sends, never loses.
        try
        {
            if (_ledger.Save())
            {
                _metrics.CheckpointWrites.Add(1);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.CheckpointFailed(_log, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "writing the checkpoint failed: {Reason}; retrying with the next acknowledgement")]
        public static partial void CheckpointFailed(ILogger logger, string reason);
    }
}
