using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tandem.Sidecars.Proxy.Configuration;
using Tandem.Sidecars.Proxy.Forwarding;

namespace Tandem.Sidecars.Proxy.Observability;

/// <summary>
/// One server span per request, exported over OTLP/HTTP. The span continues the caller's trace
/// (the incoming <c>traceparent</c> is its parent) and is itself the parent the app sees, so the
/// proxy shows up as one hop between the caller's span and the app's. Sampling follows the
/// caller's sampled flag; a request without a valid <c>traceparent</c> starts a sampled trace.
/// </summary>
internal sealed class ProxyTracing : IDisposable
{
    /// <summary>The ActivitySource name; only the tracer provider created here listens to it.</summary>
    public const string SourceName = "tandem.proxy";

    private readonly ActivitySource _source;
    private readonly TracerProvider _provider;

    public ProxyTracing(TracingConfig config)
    {
        _source = new ActivitySource(SourceName);
        _provider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(config.ServiceName))
            .AddSource(SourceName)
            .AddOtlpExporter(otlp =>
            {
                // Set in code, the endpoint is used as given: the URL already ends in /v1/traces.
                otlp.Endpoint = config.Endpoint;
                otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
            })
            .Build();
    }

    /// <summary>
    /// Starts the request's span, or returns null when the exporter is not listening. With a span,
    /// its id is the parent id forwarded to the app.
    /// </summary>
    public Activity? Start(HttpRequest request, string? incomingTraceParent)
    {
        ActivityContext.TryParse(incomingTraceParent, request.Headers["tracestate"], isRemote: true, out var parent);
        var activity = _source.StartActivity(ActivityKind.Server, parent, name: request.Method);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method);
            activity.SetTag("url.scheme", request.Scheme);
            activity.SetTag("url.path", request.Path.Value);
            activity.SetTag("network.protocol.version", request.Protocol.StartsWith("HTTP/", StringComparison.Ordinal) ? request.Protocol[5..] : request.Protocol);
            activity.SetTag("server.address", request.Host.Host);
            activity.SetTag("client.address", request.HttpContext.Connection.RemoteIpAddress?.ToString());
        }
        return activity;
    }

    /// <summary>Records the outcome and ends the span.</summary>
    public static void Stop(Activity activity, string route, ForwardResult result)
    {
        if (activity.IsAllDataRequested)
        {
            activity.DisplayName = $"{activity.GetTagItem("http.request.method")} {route}";
            activity.SetTag("tandem.proxy.route", route);
            activity.SetTag("http.response.status_code", result.Status);
            if (result.Upstream is { } upstream)
            {
                activity.SetTag("tandem.proxy.upstream", upstream.Authority);
            }
            if (result.Error is { } error)
            {
                activity.SetTag("error.type", error);
            }
            // OpenTelemetry HTTP server convention: only 5xx (the proxy's or the app's) is an error of this span.
            if (result.Status >= 500)
            {
                activity.SetStatus(ActivityStatusCode.Error, result.Error);
            }
        }
        activity.Stop();
    }

    /// <summary>Flushes spans not yet exported (bounded by the exporter's timeout), then stops exporting.</summary>
    public void Dispose()
    {
        _provider.Dispose();
        _source.Dispose();
    }
}
