using Microsoft.Extensions.Logging;
using Tandem.Sidecars.Proxy.Configuration;
using Tandem.Sidecars.Proxy.Observability;
using Tandem.Sidecars.Proxy.Routing;
using Tandem.Sidecars.Proxy.Tls;

namespace Tandem.Sidecars.Proxy.Lifecycle;

/// <summary>
/// Owns the state in service and replaces it on reload: load, validate, diff, apply, one reload at
/// a time. Requests read <see cref="State"/> once and keep that snapshot to the end.
/// </summary>
internal sealed partial class ConfigReloader
{
    private readonly string _configPath;
    private readonly ProxyStateBuilder _stateBuilder;
    private readonly ProxyMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private ProxyState _state;

    public ConfigReloader(string configPath, ProxyState initial, ProxyStateBuilder stateBuilder, ProxyMetrics metrics, TimeProvider time, ILogger logger)
    {
        _configPath = configPath;
        _state = initial;
        _stateBuilder = stateBuilder;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    public ProxyState State => Volatile.Read(ref _state);

    /// <summary>The TLS certificates in service, replaced when a reload changes the <c>tls</c> section; null without TLS.</summary>
    public CertificateReloader? Certificates { get; set; }

    /// <summary>
    /// Load, validate, diff, apply. A config with errors changes nothing and the result lists every
    /// error; parts that need a restart are reported and left as they are.
    /// </summary>
    public async Task<ReloadResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var loaded = ConfigFile.Load(_configPath);
            if (!loaded.IsValid)
            {
                Log.ReloadRejected(_logger, _configPath, loaded.Errors.Count, string.Join("; ", loaded.Errors));
                _metrics.ConfigReloaded("rejected");
                return new ReloadResult(ReloadOutcome.Rejected, loaded.Errors, [], []);
            }
            var current = State;
            var next = loaded.Config!;
            if (next == current.Config)
            {
                _metrics.ConfigReloaded("unchanged");
                return new ReloadResult(ReloadOutcome.Unchanged, [], [], []);
            }
            var (changes, restart) = ConfigDiff.Compute(current.Config, next);
            if (next.Tls is not null && Certificates is not null && next.Tls != Certificates.Store.Config)
            {
                try
                {
                    Certificates.Replace(next.Tls);
                }
                catch (CertificateLoadException e)
                {
                    Log.ReloadRejected(_logger, _configPath, 1, e.Message);
                    _metrics.ConfigReloaded("rejected");
                    return new ReloadResult(ReloadOutcome.Rejected, [e.Message], [], []);
                }
            }
            var state = _stateBuilder.Build(next, current);
            Volatile.Write(ref _state, state);
            RetireLater(current, state);
            Log.ReloadApplied(_logger, _configPath, string.Join("; ", changes));
            foreach (var field in restart)
            {
                Log.RestartRequired(_logger, field);
            }
            _metrics.ConfigReloaded("applied");
            return new ReloadResult(ReloadOutcome.Applied, [], changes, restart);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private void RetireLater(ProxyState old, ProxyState next)
    {
        // Requests that started under the old state may still hold its limiters for a moment.
        var retired = old.Disposables(next).ToList();
        if (retired.Count == 0)
        {
            return;
        }
        _ = Task.Delay(TimeSpan.FromSeconds(30), _time, CancellationToken.None).ContinueWith(
            _ => retired.ForEach(d => d.Dispose()), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "config {File} reloaded: {Changes}")]
        public static partial void ReloadApplied(ILogger logger, string file, string changes);

        [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "config {File} rejected, keeping the last good config; {Count} error(s): {Errors}")]
        public static partial void ReloadRejected(ILogger logger, string file, int count, string errors);

        [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Field} takes effect only after a restart")]
        public static partial void RestartRequired(ILogger logger, string field);
    }
}
