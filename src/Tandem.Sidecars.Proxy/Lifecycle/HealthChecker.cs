using Microsoft.Extensions.Logging;
using Tandem.Sidecars.Admin;
using Tandem.Sidecars.Proxy.Configuration;

namespace Tandem.Sidecars.Proxy.Lifecycle;

/// <summary>
/// Polls the app's health URL and drives readiness: the proxy is ready only while the app behind
/// it answers 2xx, so a startup or readiness probe on the proxy gates traffic correctly
/// (istio#11130: an app reachable before its proxy, or a proxy ready before its app, both fail).
/// </summary>
internal sealed partial class HealthChecker(HealthCheckConfig config, HttpClient http, ReadinessLatch readiness, TimeProvider time, ILogger<HealthChecker> logger)
{
    /// <summary>Checks until <paramref name="cancellationToken"/> fires (the drain or disposal), then returns quietly.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped in the middle of a check: its answer no longer matters.
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(config.Interval, time);
        var wasReady = false;
        do
        {
            var failure = await CheckOnceAsync(cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                readiness.SetReady();
                if (!wasReady)
                {
                    Log.AppReady(logger, config.Url.ToString());
                }
            }
            else
            {
                readiness.SetNotReady($"app health check {config.Url}: {failure}");
                if (wasReady)
                {
                    Log.AppUnready(logger, config.Url.ToString(), failure);
                }
            }
            wasReady = failure is null;
        }
        while (await WaitAsync(timer, cancellationToken).ConfigureAwait(false));
    }

    private async Task<string?> CheckOnceAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(config.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.GetAsync(config.Url, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"status {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {DurationText.Format(config.Timeout)}";
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "app answers its health check at {Url}; proxy is ready")]
        public static partial void AppReady(ILogger logger, string url);

        [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "app stopped answering its health check at {Url}: {Failure}; proxy is not ready")]
        public static partial void AppUnready(ILogger logger, string url, string failure);
    }
}
