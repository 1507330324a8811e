using System.Net;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Tandem.Sidecars.Admin;
using Tandem.Sidecars.Proxy.Configuration;
using Tandem.Sidecars.Proxy.Forwarding;
using Tandem.Sidecars.Proxy.Hosting;
using Tandem.Sidecars.Proxy.Lifecycle;
using Tandem.Sidecars.Proxy.Limits;
using Tandem.Sidecars.Proxy.Observability;
using Tandem.Sidecars.Proxy.Routing;
using Tandem.Sidecars.Proxy.Tls;

namespace Tandem.Sidecars.Proxy;

/// <summary>
/// The running proxy sidecar: Kestrel listeners in front, a pooled <see cref="SocketsHttpHandler"/>
/// to the app behind, the shared admin endpoints beside. Lifecycle:
/// <see cref="StartAsync"/> (config invalid: <see cref="ProxyConfigException"/>, nothing listens),
/// <see cref="ReloadAsync"/> (file change or SIGHUP: load, validate, diff, apply),
/// <see cref="RunAsync"/> (serve until SIGTERM or POST /shutdown, then drain within the grace period).
/// </summary>
public sealed partial class ProxyHost : IAsyncDisposable
{
    private readonly string _configPath;
    private readonly ProxyHostOptions _options;
    private readonly ILogger<ProxyHost> _logger;
    private readonly ProxyMetrics _metrics;
    private readonly ReadinessLatch _readiness;
    private readonly DrainCoordinator _drain;
    private readonly HttpMessageInvoker _upstreamClient;
    private readonly HttpClient _sideClient;
    private readonly ConfigReloader _reloader;
    private readonly CancellationTokenSource _stopping = new();
    private CertificateReloader? _certificates;
    private WebApplication? _app;
    private AdminServer? _admin;
    private AccessLog? _accessLog;
    private ProxyTracing? _tracing;
    private FileChangeWatcher? _configWatcher;
    private PosixSignalRegistration? _sighup;
    private Task _health = Task.CompletedTask;
    private CancellationTokenSource? _healthStop;

    private ProxyHost(string configPath, ProxyConfig config, ProxyHostOptions options)
    {
        _configPath = configPath;
        _options = options;
        _logger = options.LoggerFactory.CreateLogger<ProxyHost>();
        _metrics = new ProxyMetrics();
        _readiness = new ReadinessLatch(config.Health is null ? "starting" : $"waiting for the app at {config.Health.Url}");
        _drain = new DrainCoordinator(config.DrainGrace, options.Time, options.HandleSignals);
        _upstreamClient = new HttpMessageInvoker(UpstreamConnections.CreateHandler(), disposeHandler: true);
        _sideClient = new HttpClient(new SocketsHttpHandler { UseProxy = false, ActivityHeadersPropagator = null }) { Timeout = TimeSpan.FromSeconds(30) };
        var stateBuilder = new ProxyStateBuilder(_sideClient, options.Time, options.LoggerFactory);
        _reloader = new ConfigReloader(configPath, stateBuilder.Build(config, null), stateBuilder, _metrics, options.Time, _logger);
    }

    /// <summary>The config in service.</summary>
    public ProxyConfig Config => _reloader.State.Config;

    /// <summary>The bound plain HTTP endpoint (real port when configured as 0), or null.</summary>
    public IPEndPoint? HttpEndpoint { get; private set; }

    /// <summary>The bound cleartext HTTP/2 endpoint, or null.</summary>
    public IPEndPoint? H2cEndpoint { get; private set; }

    /// <summary>The bound HTTPS endpoint, or null.</summary>
    public IPEndPoint? HttpsEndpoint { get; private set; }

    /// <summary>Base address of the admin endpoints.</summary>
    public Uri AdminAddress => _admin!.BaseAddress;

    /// <summary>Starts the drain and tells who asked; SIGTERM and POST /shutdown end up here.</summary>
    public DrainCoordinator Drain => _drain;

    /// <summary>Loads the config, binds every port, and returns once they accept connections.</summary>
    public static async Task<ProxyHost> StartAsync(string configPath, ProxyHostOptions? options, CancellationToken cancellationToken)
    {
        options ??= new ProxyHostOptions();
        // Bare LF line endings are accepted by Kestrel by default; a proxy accepts only CRLF so
        // that no server behind or beside it can split the same bytes into different requests.
        AppContext.SetSwitch("Microsoft.AspNetCore.Server.Kestrel.DisableHttp1LineFeedTerminators", true);
        var fullPath = Path.GetFullPath(configPath);
        var loaded = ConfigFile.Load(fullPath);
        if (!loaded.IsValid)
        {
            throw new ProxyConfigException(fullPath, loaded.Errors);
        }
        var host = new ProxyHost(fullPath, loaded.Config!, options);
        try
        {
            await host.StartCoreAsync(loaded.Config!, cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Load, validate, diff, apply. A config with errors changes nothing and the result lists every
    /// error; parts that need a restart are reported and left as they are.
    /// </summary>
    public Task<ReloadResult> ReloadAsync(CancellationToken cancellationToken) => _reloader.ReloadAsync(cancellationToken);

    /// <summary>Reloads the TLS files now (the watcher does this on its own when they change).</summary>
    public bool ReloadCertificates() => _certificates?.ReloadNow() ?? false;

    /// <summary>
    /// Serves until a drain starts (SIGTERM, SIGINT, POST /shutdown or <see cref="DrainCoordinator.RequestDrain"/>),
    /// then stops accepting connections, lets in-flight requests finish until the grace period ends,
    /// and returns the process exit code.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await _drain.WaitForDrainAsync(cancellationToken).ConfigureAwait(false);
        Log.Draining(_logger, _drain.Reason ?? "unknown", _drain.Grace.TotalSeconds);
        await StopAsync().ConfigureAwait(false);
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _sighup?.Dispose();
        _configWatcher?.Dispose();
        _certificates?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        await _health.ConfigureAwait(false);
        _healthStop?.Dispose();
        if (_admin is not null)
        {
            await _admin.DisposeAsync().ConfigureAwait(false);
        }
        if (_accessLog is not null)
        {
            await _accessLog.DisposeAsync().ConfigureAwait(false);
        }
        // After the listeners are gone: the spans of the last requests are exported before exit.
        _tracing?.Dispose();
        foreach (var disposable in _reloader.State.Disposables(null))
        {
            disposable.Dispose();
        }
        _upstreamClient.Dispose();
        _sideClient.Dispose();
        _drain.Dispose();
        _metrics.Dispose();
    }

    private async Task StopAsync()
    {
        _readiness.SetNotReady("draining");
        if (_app is not null)
        {
            // Kestrel closes the listeners first, then waits for in-flight requests until the token fires.
            try
            {
                await _app.StopAsync(_drain.GraceExpired).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Grace period over: remaining connections were aborted.
            }
        }
        Log.Stopped(_logger);
    }

    private async Task StartCoreAsync(ProxyConfig config, CancellationToken cancellationToken)
    {
        if (config.Tls is not null)
        {
            _certificates = new CertificateReloader(config.Tls, _metrics, _options.Time, _logger);
            _reloader.Certificates = _certificates;
        }
        if (config.AccessLog.Enabled)
        {
            _accessLog = new AccessLog(config.AccessLog.Path);
        }
        if (config.Tracing is { } tracing)
        {
            _tracing = new ProxyTracing(tracing);
        }
        var handler = new ProxyHandler(
            () => _reloader.State,
            new RequestForwarder(_upstreamClient, _options.Time, _options.LoggerFactory.CreateLogger<RequestForwarder>()),
            new ConcurrencyGate(),
            _metrics,
            _accessLog,
            _tracing,
            _options.Time);
        var certificates = _certificates;
        _app = FrontEnd.Build(config, handler.HandleAsync, () => certificates!.Store, _options.LoggerFactory);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        (HttpEndpoint, H2cEndpoint, HttpsEndpoint) = FrontEnd.Bound(_app, config.Listen);
        _admin = await AdminServer.StartAsync(
            new AdminOptions { Address = config.Admin.Address, Port = config.Admin.Port, EnableShutdown = config.Admin.ShutdownEndpoint },
            _metrics.Meter,
            _readiness,
            _drain,
            _options.LoggerFactory,
            cancellationToken).ConfigureAwait(false);
        if (config.Health is { } health)
        {
            var checker = new HealthChecker(health, _sideClient, _readiness, _options.Time, _options.LoggerFactory.CreateLogger<HealthChecker>());
            // Health checks end with the drain: a draining proxy is not ready whatever the app says.
            _healthStop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, _drain.Draining);
            var token = _healthStop.Token;
            _health = Task.Run(() => checker.RunAsync(token), CancellationToken.None);
        }
        else
        {
            _readiness.SetReady();
        }
        if (_options.WatchConfigFile)
        {
            _configWatcher = new FileChangeWatcher([_configPath], TimeSpan.FromSeconds(10), _options.Time, () => ReloadAsync(_stopping.Token));
        }
        _certificates?.Watch();
        if (_options.HandleSignals)
        {
            _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                _ = ReloadAsync(_stopping.Token);
            });
        }
        Log.Started(_logger, HttpEndpoint?.ToString() ?? "-", HttpsEndpoint?.ToString() ?? "-", _admin.Endpoint.ToString(), config.Routes.Count);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "proxy listening: http {Http}, https {Https}, admin {Admin}; {Routes} route(s)")]
        public static partial void Started(ILogger logger, string http, string https, string admin, int routes);



        [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "draining ({Reason}): no new connections, in-flight requests have {GraceSeconds} s")]
        public static partial void Draining(ILogger logger, string reason, double graceSeconds);

        [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "proxy stopped")]
        public static partial void Stopped(ILogger logger);
    }
}
