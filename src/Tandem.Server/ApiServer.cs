using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Node;
using Tandem.Server.Hosting;
using Tandem.Server.Http;
using Tandem.Server.Resources;
using Tandem.Server.Storage;

namespace Tandem.Server;

/// <summary>
/// The node's Kubernetes API (docs/api.md): Kestrel on a loopback address serving discovery, OpenAPI, core/v1 pods,
/// events, configmaps, secrets and namespaces with watch, pods/log, and the streaming subresources, for a
/// <see cref="Kubelet"/> that is already started.
/// <code>
/// await using var server = await ApiServer.StartAsync(new ApiServerOptions { BearerToken = token }, kubelet, loggers, ct);
/// // kubectl --server server.Address --token token get pods
/// </code>
/// </summary>
public sealed partial class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ResourceStore _store;
    private readonly KubeletBridge _bridge;
    private int _disposed;

    private ApiServer(WebApplication app, ResourceStore store, KubeletBridge bridge, ApiRouter router, Uri address)
    {
        _app = app;
        _store = store;
        _bridge = bridge;
        Router = router;
        Address = address;
    }

    /// <summary>Where clients connect: <c>http(s)://127.0.0.1:port/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The request handler behind Kestrel, for the benchmark's server-time measurement.</summary>
    internal ApiRouter Router { get; }

    public static async Task<ApiServer> StartAsync(ApiServerOptions options, Kubelet kubelet, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.IsLoopback(options.Listen.Address))
        {
            throw new ArgumentException(
                $"The API server listens on loopback addresses only (127.0.0.1 or ::1); {options.Listen.Address} is not one. " +
                "Use an SSH tunnel or a proxy to reach it from elsewhere.", nameof(options));
        }
        ArgumentNullException.ThrowIfNull(kubelet);
        loggers ??= NullLoggerFactory.Instance;
        var log = loggers.CreateLogger<ApiServer>();
        var counter = new ResourceVersionCounter(Path.Combine(kubelet.Options.StateDirectory, "api", "resource-version"));
        var store = new ResourceStore(counter, options.WatchHistory);
        var bridge = new KubeletBridge(kubelet, store, loggers.CreateLogger<KubeletBridge>());
        var api = new ApiContext(options, store, kubelet, bridge, loggers);
        var namespaces = new NamespaceLifecycle(api);
        foreach (var configMap in kubelet.Store.ConfigMaps)
        {
            store.Put(ResourceKinds.ConfigMaps, configMap);
        }
        foreach (var secret in kubelet.Store.Secrets)
        {
            store.Put(ResourceKinds.Secrets, secret);
        }
        var writers = new Dictionary<ResourceKind, IObjectWriter>
        {
            [ResourceKinds.Pods] = new PodWriter(api, namespaces),
            [ResourceKinds.ConfigMaps] = new StoreWriter(api, ResourceKinds.ConfigMaps, namespaces),
            [ResourceKinds.Secrets] = new StoreWriter(api, ResourceKinds.Secrets, namespaces),
            [ResourceKinds.Events] = new StoreWriter(api, ResourceKinds.Events, namespaces),
            [ResourceKinds.Namespaces] = namespaces,
        };
        var router = new ApiRouter(api, new ObjectWrites(api, writers));
        var guard = new RequestGuard(options);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggers);
        builder.Services.AddRoutingCore();
        builder.Services.AddOptions();
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Listen(options.Listen, listen =>
            {
                if (options.Certificate is { } certificate)
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(certificate);
                }
                else
                {
                    listen.Protocols = HttpProtocols.Http1;
                }
            });
        });
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (guard.Check(context) is { } refused)
            {
                await JsonOutput.WriteStatusAsync(context, refused.Status).ConfigureAwait(false);
                return;
            }
            try
            {
                // Names in every resource path (the streaming routes' too) are checked before any route looks them up.
                _ = RequestPath.Parse(context.Request.Path.Value ?? "/");
                await next(context).ConfigureAwait(false);
            }
            catch (ApiError error) when (!context.Response.HasStarted)
            {
                await JsonOutput.WriteStatusAsync(context, error.Status).ConfigureAwait(false);
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException bad) when (!context.Response.HasStarted)
            {
                var error = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? Errors.TooLarge(options.MaxRequestBodyBytes) : Errors.BadRequest(bad.Message);
                await JsonOutput.WriteStatusAsync(context, error.Status).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
            {
                LogRequestFailed(log, e, context.Request.Method, context.Request.Path.Value ?? "");
                await JsonOutput.WriteStatusAsync(context, Errors.Internal(e.Message).Status).ConfigureAwait(false);
            }
        });
        app.UseWebSockets();
        app.UseRouting();
        MapStreaming(app, api);
        // The endpoint middleware must run before the terminal router; WebApplication would otherwise add it after app.Run, where it is never reached.
        app.UseEndpoints(_ => { });
        app.Run(router.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await bridge.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var host = options.Listen.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{options.Listen.Address}]" : options.Listen.Address.ToString();
        var address = new Uri($"{(options.Certificate is null ? "http" : "https")}://{host}:{bound.Port}/");
        LogListening(log, address.ToString());
        return new ApiServer(app, store, bridge, router, address);
    }

    /// <summary>
    /// The one place the streaming subresources (exec, attach, portforward over WebSocket and SPDY) are registered; the
    /// guard above runs for them too, upgrades included.
    /// </summary>
    private static void MapStreaming(IEndpointRouteBuilder routes, ApiContext api) =>
        Streaming.StreamingRoutes.Map(routes, new Streaming.KubeletPodStreams(api.Kubelet), api.Loggers);

    /// <summary>Stops accepting connections and ends every watch cleanly (each stream gets its terminating chunk).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _store.CloseWatches();
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        await _app.DisposeAsync().ConfigureAwait(false);
        await _bridge.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(1, LogLevel.Information, "Kubernetes API listening on {Address}")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(2, LogLevel.Error, "{Method} {Path} failed")]
    private static partial void LogRequestFailed(ILogger logger, Exception exception, string method, string path);
}
