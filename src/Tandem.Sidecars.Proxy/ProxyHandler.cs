using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Auth;
using Tandem.Sidecars.Proxy.Forwarding;
using Tandem.Sidecars.Proxy.Limits;
using Tandem.Sidecars.Proxy.Observability;
using Tandem.Sidecars.Proxy.Routing;

namespace Tandem.Sidecars.Proxy;

/// <summary>
/// The request pipeline, in order: route, authenticate and authorize, rate limits, concurrency
/// cap, forward; then metrics and the access log. Every refusal is a status with a short reason.
/// </summary>
internal sealed class ProxyHandler(Func<ProxyState> state, RequestForwarder forwarder, ConcurrencyGate gate, ProxyMetrics metrics, AccessLog? accessLog, ProxyTracing? tracing, TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        var current = state();
        var request = context.Request;
        var incomingTraceParent = request.Headers.TryGetValue("traceparent", out var incoming) && incoming.Count == 1 ? incoming.ToString() : null;
        var span = tracing?.Start(request, incomingTraceParent);
        var (traceParent, traceId) = span is null ? TraceContext.NextHop(incomingTraceParent) : (span.Id!, span.TraceId.ToHexString());
        var route = current.Routes.Match(request.Host.Host, request.Path.Value ?? "/");
        CallerIdentity? caller = null;
        ForwardResult result;
        if (RequestFraming.IsAmbiguous(request))
        {
            // Close the connection too: whatever follows on it cannot be trusted to be a request boundary.
            context.Response.Headers.Connection = "close";
            result = await RefuseAsync(context, StatusCodes.Status400BadRequest, "Content-Length together with Transfer-Encoding is refused", null).ConfigureAwait(false);
            metrics.Rejected("none", "ambiguous_framing");
        }
        else if (route is null)
        {
            result = await RefuseAsync(context, StatusCodes.Status404NotFound, "no route matches this host and path", null).ConfigureAwait(false);
            metrics.Rejected("none", "no_route");
        }
        else
        {
            var auth = await current.Authorizer.AuthorizeAsync(request, route.Config.Auth, context.RequestAborted).ConfigureAwait(false);
            caller = auth.Identity;
            if (auth.Status != AuthStatus.Allowed)
            {
                result = await RefuseAuthAsync(context, auth, route).ConfigureAwait(false);
            }
            else if (AcquireRate(route, current, context, caller) is { } retryAfter)
            {
                metrics.Rejected(route.Name, "rate_limited");
                context.Response.Headers.RetryAfter = retryAfter;
                result = await RefuseAsync(context, StatusCodes.Status429TooManyRequests, "rate limit exceeded", null).ConfigureAwait(false);
            }
            else if (!gate.TryEnter(current.Config.Limits.MaxConcurrentRequests))
            {
                metrics.Rejected(route.Name, "overloaded");
                context.Response.Headers.RetryAfter = "1";
                result = await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "too many concurrent requests", null).ConfigureAwait(false);
            }
            else
            {
                metrics.RequestStarted(route.Name);
                try
                {
                    result = await forwarder.ForwardAsync(context, route, new ForwardRequest(caller, traceParent, current.Config.IdentityHeaderPrefix)).ConfigureAwait(false);
                }
                catch when (span is not null)
                {
                    span.Stop();
                    throw;
                }
                finally
                {
                    gate.Exit();
                }
                if (result.Error is { } error && error != "client_closed")
                {
                    metrics.UpstreamError(route.Name, error);
                }
                metrics.RequestFinished(route.Name, result.Status, time.GetElapsedTime(started).TotalSeconds);
                Finish(context, started, route.Name, result, caller, traceId, span);
                return;
            }
        }
        metrics.Completed(route?.Name ?? "none", result.Status, time.GetElapsedTime(started).TotalSeconds);
        Finish(context, started, route?.Name ?? "none", result, caller, traceId, span);
    }

    private void Finish(HttpContext context, long started, string route, ForwardResult result, CallerIdentity? caller, string traceId, System.Diagnostics.Activity? span)
    {
        if (span is not null)
        {
            ProxyTracing.Stop(span, route, result);
        }
        Log(context, started, route, result, caller, traceId);
    }

    private async Task<ForwardResult> RefuseAuthAsync(HttpContext context, AuthOutcome auth, RouteRuntime route)
    {
        switch (auth.Status)
        {
            case AuthStatus.Unauthenticated:
                metrics.Rejected(route.Name, "unauthenticated");
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return await RefuseAsync(context, StatusCodes.Status401Unauthorized, auth.Reason!, null).ConfigureAwait(false);
            case AuthStatus.MethodNotAllowed:
                metrics.Rejected(route.Name, "method_not_allowed");
                context.Response.Headers.Allow = string.Join(", ", route.Config.Auth.Methods);
                return await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, auth.Reason!, null).ConfigureAwait(false);
            default:
                metrics.Rejected(route.Name, "forbidden");
                return await RefuseAsync(context, StatusCodes.Status403Forbidden, auth.Reason!, null).ConfigureAwait(false);
        }
    }

    /// <summary>Null when admitted, else the Retry-After value in whole seconds.</summary>
    private static string? AcquireRate(RouteRuntime route, ProxyState state, HttpContext context, CallerIdentity? caller)
    {
        if (route.RateLimiter is { } routeLimiter)
        {
            using var lease = routeLimiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                return RetryAfter(lease);
            }
        }
        if (state.ClientLimiter is { } clientLimiter)
        {
            var key = caller is not null ? $"{caller.Method}:{caller.Name}" : $"ip:{context.Connection.RemoteIpAddress}";
            using var lease = clientLimiter.Acquire(key);
            if (!lease.IsAcquired)
            {
                return RetryAfter(lease);
            }
        }
        return null;
    }

    private static string RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) : "1";

    private static async Task<ForwardResult> RefuseAsync(HttpContext context, int status, string reason, Uri? upstream)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        try
        {
            await context.Response.WriteAsync($"{status} {reason}\n", context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client left before the refusal was written.
        }
        return new ForwardResult(status, upstream, null);
    }

    private void Log(HttpContext context, long started, string route, ForwardResult result, CallerIdentity? caller, string traceId)
    {
        if (accessLog is null)
        {
            return;
        }
        var request = context.Request;
        accessLog.Write(new AccessLogEntry(
            time.GetUtcNow(),
            request.Method,
            request.Path.Value ?? "/",
            request.Protocol,
            result.Status,
            time.GetElapsedTime(started).TotalMilliseconds,
            route,
            result.Upstream?.Authority,
            context.Connection.RemoteIpAddress?.ToString(),
            caller is null ? null : $"{caller.Method}:{caller.Name}",
            traceId,
            result.Error));
    }
}
