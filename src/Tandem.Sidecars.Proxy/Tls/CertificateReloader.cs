using Microsoft.Extensions.Logging;
using Tandem.Sidecars.Proxy.Configuration;
using Tandem.Sidecars.Proxy.Lifecycle;
using Tandem.Sidecars.Proxy.Observability;

namespace Tandem.Sidecars.Proxy.Tls;

/// <summary>
/// Keeps the certificate store in service current: watches its PEM files (a Secret volume's
/// <c>..data</c> swap included) and reloads them, and swaps in a whole new store when a config
/// reload changes the <c>tls</c> section. A file that does not load keeps the current certificate.
/// </summary>
internal sealed partial class CertificateReloader : IDisposable
{
    private readonly ProxyMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private CertificateStore _store;
    private FileChangeWatcher? _watcher;

    /// <exception cref="CertificateLoadException">The configured files do not load.</exception>
    public CertificateReloader(TlsConfig config, ProxyMetrics metrics, TimeProvider time, ILogger logger)
    {
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _store = CertificateStore.Load(config);
    }

    /// <summary>The store new TLS handshakes use.</summary>
    public CertificateStore Store => Volatile.Read(ref _store);

    /// <summary>Starts watching the current store's files.</summary>
    public void Watch() => WatchFiles(Store);

    /// <summary>Puts a store for a changed <c>tls</c> section in service and watches its files instead.</summary>
    /// <exception cref="CertificateLoadException">The new files do not load; the current store stays.</exception>
    public void Replace(TlsConfig config)
    {
        lock (_gate)
        {
            var store = CertificateStore.Load(config);
            Volatile.Write(ref _store, store);
            WatchFiles(store);
        }
    }

    /// <summary>Reloads the current store's files now; false (and the old certificate kept) when they are unusable.</summary>
    public bool ReloadNow()
    {
        // One reload at a time: two overlapping reloads (the watcher's and an explicit one) could
        // finish in the other order, and the one that read the files first would put the older
        // certificate back in service.
        lock (_gate)
        {
            var store = Store;
            if (store.TryReload(out var error))
            {
                _metrics.CertificateReloaded("applied");
                Log.CertificateReloaded(_logger, store.Config.CertificateFile, store.Certificate.Thumbprint);
                return true;
            }
            _metrics.CertificateReloaded("rejected");
            Log.CertificateRejected(_logger, store.Config.CertificateFile, error!);
            return false;
        }
    }

    public void Dispose() => _watcher?.Dispose();

    private void WatchFiles(CertificateStore store)
    {
        var files = new List<string> { store.Config.CertificateFile, store.Config.KeyFile };
        if (store.Config.ClientCaFile is { } ca)
        {
            files.Add(ca);
        }
        var previous = _watcher;
        _watcher = new FileChangeWatcher(files, store.Config.PollInterval, _time, () =>
        {
            ReloadNow();
            return Task.CompletedTask;
        });
        previous?.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "TLS certificate {File} reloaded, thumbprint {Thumbprint}")]
        public static partial void CertificateReloaded(ILogger logger, string file, string thumbprint);

        [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "TLS certificate {File} not reloaded, keeping the current one: {Error}")]
        public static partial void CertificateRejected(ILogger logger, string file, string error);
    }
}
