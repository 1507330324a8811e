using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tandem.Sidecars.Admin;

/// <summary>
/// The admin endpoints every Tandem sidecar serves (the linkerd2-proxy contract):
/// <list type="bullet">
/// <item><c>GET /live</c>: 200 while the process serves HTTP at all.</item>
/// <item><c>GET /ready</c>: 200 when the <see cref="IReadinessLatch"/> says ready and no drain has
/// started, else 503 with the reason in the body.</item>
/// <item><c>GET /metrics</c>: every instrument of the sidecar's <see cref="Meter"/> in Prometheus
/// text format (counters, up-down counters, gauges, histograms with their advised buckets).</item>
/// <item><c>POST /shutdown</c>: starts the drain of the <see cref="DrainCoordinator"/>; 202 for a
/// loopback caller, 403 for anyone else, 404 when disabled in <see cref="AdminOptions"/>.</item>
/// </list>
/// Usage:
/// <code>
/// using var meter = new Meter("tandem.ship");
/// var ready = new ReadinessLatch();
/// using var drain = new DrainCoordinator(TimeSpan.FromSeconds(25), TimeProvider.System);
/// await using var admin = await AdminServer.StartAsync(new AdminOptions { Port = 9902 }, meter, ready, drain, loggerFactory, ct);
/// ready.SetReady();
/// await drain.WaitForDrainAsync(ct);   // SIGTERM or POST /shutdown
/// // finish in-flight work until drain.GraceExpired, then dispose and exit
/// </code>
/// </summary>
public sealed partial class AdminServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PrometheusExporter _exporter;

    private AdminServer(WebApplication app, PrometheusExporter exporter, IPEndPoint endpoint)
    {
        _app = app;
        _exporter = exporter;
        Endpoint = endpoint;
    }

    /// <summary>The address actually bound (the real port when <see cref="AdminOptions.Port"/> was 0).</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary><c>http://address:port/</c>, for probes and tests.</summary>
    public Uri BaseAddress => new($"http://{(Endpoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : Endpoint.Address)}:{Endpoint.Port}/".Replace("::]", "::1]", StringComparison.Ordinal));

    /// <summary>Binds the admin port and starts serving; returns once it accepts connections.</summary>
    public static async Task<AdminServer> StartAsync(
        AdminOptions options,
        Meter meter,
        IReadinessLatch readiness,
        DrainCoordinator drain,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Address, options.Port);
        });
        var app = builder.Build();
        var exporter = new PrometheusExporter(meter);
        var log = loggerFactory.CreateLogger<AdminServer>();
        app.Run(context => HandleAsync(context, options, exporter, readiness, drain, log));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            exporter.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        var endpoint = new IPEndPoint(options.Address, port);
        Log.Listening(log, endpoint.ToString());
        return new AdminServer(app, exporter, endpoint);
    }

    /// <summary>Stops serving; in-flight admin requests get until <paramref name="cancellationToken"/>.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _exporter.Dispose();
    }

    private static Task HandleAsync(HttpContext context, AdminOptions options, PrometheusExporter exporter, IReadinessLatch readiness, DrainCoordinator drain, ILogger log)
    {
        var request = context.Request;
        var response = context.Response;
        var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        switch (request.Path.Value)
        {
            case "/live" when isRead:
                return Text(response, StatusCodes.Status200OK, "live\n");
            case "/ready" when isRead:
                if (drain.IsDraining)
                {
                    return Text(response, StatusCodes.Status503ServiceUnavailable, $"not ready: draining ({drain.Reason})\n");
                }
                return readiness.IsReady
                    ? Text(response, StatusCodes.Status200OK, "ready\n")
                    : Text(response, StatusCodes.Status503ServiceUnavailable, $"not ready: {readiness.Reason}\n");
            case "/metrics" when isRead:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = PrometheusExporter.ContentType;
                return response.WriteAsync(exporter.Render() + ProcessMetrics.Render(), context.RequestAborted);
            case "/shutdown" when HttpMethods.IsPost(request.Method) && options.EnableShutdown:
                if (!LoopbackPolicy.IsLocalCaller(context.Connection.RemoteIpAddress))
                {
                    Log.ShutdownRefused(log, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                    return Text(response, StatusCodes.Status403Forbidden, "shutdown is accepted from loopback only\n");
                }
                if (drain.RequestDrain("POST /shutdown"))
                {
                    Log.ShutdownRequested(log);
                }
                return Text(response, StatusCodes.Status202Accepted, "draining\n");
            case "/live" or "/ready" or "/metrics" or "/shutdown" when options.EnableShutdown || request.Path.Value != "/shutdown":
                response.Headers.Allow = request.Path.Value == "/shutdown" ? "POST" : "GET, HEAD";
                return Text(response, StatusCodes.Status405MethodNotAllowed, "method not allowed\n");
            default:
                return Text(response, StatusCodes.Status404NotFound, "not found; try /live, /ready, /metrics or POST /shutdown\n");
        }
    }

    private static Task Text(HttpResponse response, int status, string body)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(body);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "admin endpoints listening on {Endpoint}")]
        public static partial void Listening(ILogger logger, string endpoint);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "drain requested by POST /shutdown")]
        public static partial void ShutdownRequested(ILogger logger);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "refused POST /shutdown from non-loopback caller {Remote}")]
        public static partial void ShutdownRefused(ILogger logger, string remote);
    }
}
