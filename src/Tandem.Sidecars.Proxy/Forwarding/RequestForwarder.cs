using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Tandem.Sidecars.Proxy.Resilience;
using Tandem.Sidecars.Proxy.Routing;

namespace Tandem.Sidecars.Proxy.Forwarding;

/// <summary>
/// Sends one client request to the app and streams the answer back, through the route's timeout,
/// retry and circuit breaker. Failures become a status (502, 503, 504) before the response has
/// started, or an aborted connection after, so the client never mistakes half a body for a whole one.
/// </summary>
internal sealed partial class RequestForwarder(HttpMessageInvoker client, TimeProvider time, ILogger<RequestForwarder> logger)
{
    public async Task<ForwardResult> ForwardAsync(HttpContext context, RouteRuntime route, ForwardRequest forward)
    {
        var request = context.Request;
        var isUpgrade = context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
            && request.Headers.Upgrade.ToString().Equals("websocket", StringComparison.OrdinalIgnoreCase);
        var canHaveBody = !isUpgrade && (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0);
        var replayable = !canHaveBody && !isUpgrade && IsIdempotent(request.Method);
        using var timeout = route.Config.Timeout is { } limit && !isUpgrade ? new CancellationTokenSource(limit, time) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token);
        var token = linked?.Token ?? context.RequestAborted;
        var body = canHaveBody ? new StreamCopyContent(request.Body, request.ContentLength, token) : null;
        route.Budget?.RecordRequest();

        Uri? upstream = null;
        HttpResponseMessage response;
        try
        {
            if (route.Pipeline is null)
            {
                upstream = route.NextUpstream();
                response = await SendAsync(context, route, upstream, forward, body, isUpgrade, token).ConfigureAwait(false);
            }
            else
            {
                var resilience = ResilienceContextPool.Shared.Get(token);
                resilience.Properties.Set(ResiliencePipelines.Replayable, replayable);
                try
                {
                    response = await route.Pipeline.ExecuteAsync(
                        async (ctx, _) =>
                        {
                            upstream = route.NextUpstream();
                            return await SendAsync(context, route, upstream, forward, body, isUpgrade, ctx.CancellationToken).ConfigureAwait(false);
                        },
                        resilience,
                        0).ConfigureAwait(false);
                }
                finally
                {
                    ResilienceContextPool.Shared.Return(resilience);
                }
            }
        }
        catch (BrokenCircuitException)
        {
            return await FailAsync(context, StatusCodes.Status503ServiceUnavailable, upstream, "circuit_open").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true && !context.RequestAborted.IsCancellationRequested)
        {
            return await FailAsync(context, StatusCodes.Status504GatewayTimeout, upstream, "timeout").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return new ForwardResult(499, upstream, "client_closed");
        }
        catch (HttpRequestException e)
        {
            Log.UpstreamFailed(logger, route.Name, upstream?.ToString() ?? "", e.Message);
            return await FailAsync(context, StatusCodes.Status502BadGateway, upstream, e.HttpRequestError == HttpRequestError.ConnectionError ? "connect" : "protocol").ConfigureAwait(false);
        }

        using (response)
        {
            try
            {
                if (isUpgrade && response.StatusCode == System.Net.HttpStatusCode.SwitchingProtocols)
                {
                    await UpgradeTunnel.RunAsync(context, response, context.RequestAborted).ConfigureAwait(false);
                    return new ForwardResult(StatusCodes.Status101SwitchingProtocols, upstream, null);
                }
                ResponseCopier.CopyHead(response, context.Response);
                if (response.Content.Headers.ContentLength is null)
                {
                    // A stream of unknown length (gRPC, SSE) may send headers long before its first
                    // byte of body, and its client may wait for them: pass them on now. StartAsync
                    // only buffers the headers in Kestrel; the flush puts them on the wire, without
                    // it a bidirectional stream deadlocks (the client waits for headers before
                    // sending, the app waits for a message before writing). Responses with a
                    // length keep headers and body in one write.
                    await context.Response.StartAsync(token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
                }
                var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                await ResponseCopier.CopyBodyAsync(stream, context.Response, token).ConfigureAwait(false);
                ResponseCopier.CopyTrailers(response, context.Response);
                return new ForwardResult((int)response.StatusCode, upstream, null);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException or InvalidOperationException)
            {
                var kind = timeout?.IsCancellationRequested == true ? "timeout" : context.RequestAborted.IsCancellationRequested ? "client_closed" : "response_aborted";
                if (!context.Response.HasStarted && kind != "client_closed")
                {
                    context.Response.Headers.Clear();
                    return await FailAsync(context, kind == "timeout" ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway, upstream, kind).ConfigureAwait(false);
                }
                // The client already has part of the response: only a reset tells it the rest is missing.
                context.Abort();
                return new ForwardResult((int)response.StatusCode, upstream, kind);
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpContext context, RouteRuntime route, Uri upstream, ForwardRequest forward, HttpContent? body, bool isUpgrade, CancellationToken cancellationToken)
    {
        using var message = RequestMessageFactory.Create(context, route, upstream, forward, body, isUpgrade);
        var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        // The message owns the body content; detach it so disposing the message leaves it for a retry.
        message.Content = null;
        return response;
    }

    private static async Task<ForwardResult> FailAsync(HttpContext context, int status, Uri? upstream, string kind)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            try
            {
                await context.Response.WriteAsync($"{status} {kind.Replace('_', ' ')}\n", context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client left; the status is still recorded.
            }
        }
        return new ForwardResult(status, upstream, kind);
    }

    /// <summary>RFC 9110 section 9.2.2: the methods a client expects may be repeated.</summary>
    private static bool IsIdempotent(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
        || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method) || HttpMethods.IsTrace(method);

    private static partial class Log
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "route {Route}: upstream {Upstream} failed: {Error}")]
        public static partial void UpstreamFailed(ILogger logger, string route, string upstream, string error);
    }
}
