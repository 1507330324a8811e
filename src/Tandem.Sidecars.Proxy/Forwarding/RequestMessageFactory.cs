using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Tandem.Sidecars.Proxy.Routing;

namespace Tandem.Sidecars.Proxy.Forwarding;

/// <summary>
/// Builds the request to the app from the client's: method, path and query, end-to-end headers,
/// X-Forwarded-* and Forwarded, traceparent, and the identity headers (incoming copies are dropped
/// so a client cannot claim an identity it did not prove).
/// </summary>
internal static class RequestMessageFactory
{
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>Headers this hop writes itself (from the client's values where they chain), never copied as they came.</summary>
    private static readonly HashSet<string> Rewritten = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "traceparent", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded",
    };

    public static HttpRequestMessage Create(HttpContext context, RouteRuntime route, Uri upstream, ForwardRequest forward, HttpContent? body, bool isUpgrade)
    {
        var request = context.Request;
        // Path is Kestrel's decoded, dot-segment-free form: the same path the route matched,
        // so "/public/../admin" cannot be matched as /public and served as /admin.
        var target = string.Concat(upstream.GetLeftPart(UriPartial.Authority), upstream.AbsolutePath.TrimEnd('/'), request.Path.ToUriComponent(), request.QueryString.ToUriComponent());
        var message = new HttpRequestMessage(HttpMethod.Parse(request.Method), new Uri(target, Verbatim))
        {
            Version = isUpgrade ? HttpVersion.Version11 : route.Version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = body,
        };
        var connection = request.Headers.Connection;
        var prefix = forward.IdentityHeaderPrefix;
        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith(':') || name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || Rewritten.Contains(name))
            {
                continue;
            }
            if (HopByHopHeaders.Contains(name) || HopByHopHeaders.IsNamedByConnection(name, connection))
            {
                // gRPC needs "TE: trailers" end to end; a WebSocket handshake needs Upgrade.
                if (string.Equals(name, "TE", StringComparison.OrdinalIgnoreCase) && values.ToString() == "trailers")
                {
                    message.Headers.TryAddWithoutValidation(name, "trailers");
                }
                else if (isUpgrade && string.Equals(name, "Upgrade", StringComparison.OrdinalIgnoreCase))
                {
                    message.Headers.TryAddWithoutValidation("Connection", "Upgrade");
                    message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
                }
                continue;
            }
            // The single-value overload avoids boxing the StringValues on the common path.
            var added = values.Count == 1 ? message.Headers.TryAddWithoutValidation(name, values.ToString()) : message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            if (!added && body is not null)
            {
                _ = values.Count == 1 ? body.Headers.TryAddWithoutValidation(name, values.ToString()) : body.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
        message.Headers.Host = route.Config.PreserveHost && request.Host.HasValue ? request.Host.Value : upstream.Authority;
        AddForwarded(message, context);
        message.Headers.TryAddWithoutValidation("traceparent", forward.TraceParent);
        if (forward.Caller is { } caller)
        {
            message.Headers.TryAddWithoutValidation(prefix + "auth", caller.Method);
            message.Headers.TryAddWithoutValidation(prefix + "caller", caller.Name);
            if (caller.Scopes.Count > 0)
            {
                message.Headers.TryAddWithoutValidation(prefix + "scopes", string.Join(' ', caller.Scopes));
            }
        }
        if (context.Connection.ClientCertificate is { } certificate)
        {
            message.Headers.TryAddWithoutValidation(prefix + "client-cert-subject", certificate.Subject);
        }
        return message;
    }

    private static void AddForwarded(HttpRequestMessage message, HttpContext context)
    {
        var request = context.Request;
        var remote = context.Connection.RemoteIpAddress;
        if (remote is { IsIPv4MappedToIPv6: true })
        {
            remote = remote.MapToIPv4();
        }
        var forwardedFor = request.Headers["X-Forwarded-For"];
        var client = remote?.ToString() ?? "unknown";
        message.Headers.TryAddWithoutValidation("X-Forwarded-For", StringValues.IsNullOrEmpty(forwardedFor) ? client : $"{forwardedFor}, {client}");
        message.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
        if (request.Host.HasValue)
        {
            message.Headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);
        }
        // RFC 7239: IPv6 addresses are quoted and bracketed; earlier hops' elements are kept.
        var node = remote?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"\"[{remote}]\"" : client;
        var element = request.Host.HasValue ? $"for={node};proto={request.Scheme};host=\"{request.Host.Value}\"" : $"for={node};proto={request.Scheme}";
        var earlier = request.Headers["Forwarded"];
        message.Headers.TryAddWithoutValidation("Forwarded", StringValues.IsNullOrEmpty(earlier) ? element : $"{earlier}, {element}");
    }
}
