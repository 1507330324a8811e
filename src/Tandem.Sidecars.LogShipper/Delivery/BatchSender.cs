using Microsoft.Extensions.Logging;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;
using Tandem.Sidecars.LogShipper.Outputs;
using Tandem.Sidecars.LogShipper.Telemetry;

namespace Tandem.Sidecars.LogShipper.Delivery;

/// <summary>
/// Sends one batch to every output, each retried on its own (jittered exponential back-off, no
/// limit) until it delivers or the sink rejects it for good; returns when all are done.
/// </summary>
public sealed partial class BatchSender(IReadOnlyList<ILogOutput> outputs, RetryConfig retry, ShipperMetrics metrics, TimeProvider time, ILogger log)
{
    /// <summary>Sends the events no filter removed; the filtered ones are only counted.</summary>
    public Task SendAsync(List<LogEvent> events, CancellationToken abort)
    {
        var send = events.FindAll(e => !e.Filtered);
        if (send.Count < events.Count)
        {
            metrics.Dropped.Add(events.Count - send.Count, new KeyValuePair<string, object?>("reason", "filtered"));
        }
        return send.Count == 0 ? Task.CompletedTask : Task.WhenAll(outputs.Select(o => SendAsync(o, send, abort)));
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
            var delay = Backoff.Delay(retry, attempt, Random.Shared);
            if (attempt == 0 || attempt % 10 == 0)
            {
                Log.Retrying(log, output.Name, pending.Count, result.Reason ?? "", delay.TotalMilliseconds, attempt + 1);
            }
            await Task.Delay(delay, time, abort).ConfigureAwait(false);
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
    }
}
