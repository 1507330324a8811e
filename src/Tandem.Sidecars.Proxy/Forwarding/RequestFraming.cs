using Microsoft.AspNetCore.Http;

namespace Tandem.Sidecars.Proxy.Forwarding;

/// <summary>
/// Request framing the proxy refuses although Kestrel would accept it. Kestrel lets
/// Transfer-Encoding win over Content-Length (RFC 9112 section 6.3 allows that) and renames the
/// Content-Length to X-Content-Length; a proxy should refuse such a message outright, because it is
/// the classic request-smuggling shape and no honest client sends it.
/// </summary>
internal static class RequestFraming
{
    public static bool IsAmbiguous(HttpRequest request) =>
        request.Headers.ContainsKey("Transfer-Encoding") && request.Headers.ContainsKey("X-Content-Length")
        && HttpProtocol.IsHttp11(request.Protocol);
}
