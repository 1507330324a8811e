using Microsoft.Extensions.Logging;
using Tandem.Sidecars.LogShipper.Checkpoints;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;
using Tandem.Sidecars.LogShipper.Outputs;
using Tandem.Sidecars.LogShipper.Telemetry;

namespace Tandem.Sidecars.LogShipper.Delivery;

/// <summary>
/// Sends batches to every output and checkpoints after they all acknowledged: read a batch, send
/// it (retrying each output until it delivers or rejects), advance each stream's acknowledged
/// offset, write the checkpoint durably, release the memory budget. One batch is in flight at a
/// time, so acknowledgements arrive in read order and an offset never jumps over a lost batch.
/// </summary>
public sealed partial class DeliveryLoop(
    EventQueue queue,
    IReadOnlyList<ILogOutput> outputs,
    CheckpointLedger ledger,
    BatchConfig batch,
    RetryConfig retry,
    ShipperMetrics metrics,
    TimeProvider time,
    ILogger log)
{
    private readonly BatchReader _reader = new(queue.Reader, batch, time);
    private readonly Random _jitter = new();
    private readonly Dictionary<TrackedStream, long> _acks = [];

    /// <summary>Runs until the queue is completed and empty, or <paramref name="abort"/> fires (unacknowledged batches are then re-sent after restart).</summary>
    public async Task RunAsync(CancellationToken abort)
    {
        while (await _reader.ReadAsync(abort).ConfigureAwait(false) is { } events)
        {
            var send = events.Where(e => !e.Filtered).ToList();
            var filtered = events.Count - send.Count;
            if (filtered > 0)
            {
                metrics.Dropped.Add(filtered, new KeyValuePair<string, object?>("reason", "filtered"));
            }
            if (send.Count > 0)
            {
                await Task.WhenAll(outputs.Select(o => SendAsync(o, send, abort))).ConfigureAwait(false);
            }
            Acknowledge(events);
            SaveCheckpoint(abort);
            long bytes = 0;
            foreach (var e in events)
            {
                bytes += e.BudgetBytes;
            }
            queue.Budget.Release(bytes);
        }
    }

    private async Task SendAsync(ILogOutput output, List<LogEvent> events, CancellationToken abort)
    {
        IReadOnlyList<LogEvent> pending = events;
        var tag = new KeyValuePair<string, object?>("output", output.Name);
        for (var attempt = 0; ; attempt++)
        {
            OutputResult result;
            try
            {
                result = await output.SendAsync(pending, abort).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException && !abort.IsCancellationRequested)
            {
                result = OutputResult.Retry(ex.Message);
            }
            switch (result.Status)
            {
                case OutputStatus.Delivered:
                    if (result.RejectedCount > 0)
                    {
                        metrics.Dropped.Add(result.RejectedCount, tag, new KeyValuePair<string, object?>("reason", "rejected"));
                        Log.Rejected(log, output.Name, result.RejectedCount, "per-item errors in the answer");
                    }
                    metrics.EventsShipped.Add(events.Count - result.RejectedCount, tag);
                    metrics.BytesShipped.Add(events.Sum(e => (long)e.Message.Length), tag);
                    if (attempt > 0)
                    {
                        Log.Recovered(log, output.Name, attempt);
                    }
                    return;
                case OutputStatus.Rejected:
                    metrics.Dropped.Add(pending.Count, tag, new KeyValuePair<string, object?>("reason", "rejected"));
                    Log.Rejected(log, output.Name, pending.Count, result.Reason ?? "");
                    return;
            }
            pending = result.Remaining ?? pending;
            metrics.Retries.Add(1, tag);
            var delay = Backoff.Delay(retry, attempt, _jitter);
            if (attempt == 0 || attempt % 10 == 0)
            {
                Log.Retrying(log, output.Name, pending.Count, result.Reason ?? "", delay.TotalMilliseconds, attempt + 1);
            }
            await Task.Delay(delay, time, abort).ConfigureAwait(false);
        }
    }

    private void Acknowledge(List<LogEvent> events)
    {
        _acks.Clear();
        foreach (var e in events)
        {
            if (e.Origin is { } origin)
            {
                _acks[origin] = e.EndOffset;
            }
        }
        foreach (var (stream, offset) in _acks)
        {
            ledger.Acknowledge(stream, offset);
        }
    }

    private void SaveCheckpoint(CancellationToken abort)
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
        [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "{Output}: sending {Count} events failed ({Reason}); retry {Attempt} in {DelayMs:0} ms")]
        public static partial void Retrying(ILogger logger, string output, int count, string reason, double delayMs, int attempt);

        [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "{Output}: delivered after {Attempts} retries")]
        public static partial void Recovered(ILogger logger, string output, int attempts);

        [LoggerMessage(EventId = 203, Level = LogLevel.Error, Message = "{Output}: the sink rejected {Count} events for good and they are dropped: {Reason}")]
        public static partial void Rejected(ILogger logger, string output, int count, string reason);

        [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "writing the checkpoint failed: {Reason}; retrying with the next batch")]
        public static partial void CheckpointFailed(ILogger logger, string reason);
    }
}
