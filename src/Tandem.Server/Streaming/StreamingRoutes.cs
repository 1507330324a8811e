using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tandem.Server.Streaming;

/// <summary>
/// Registers the pod subresources that upgrade the connection: <c>exec</c>, <c>attach</c> and <c>portforward</c>, each
/// for GET (WebSocket) and POST (SPDY/3.1), as kubectl 1.27–1.33 use them (spec §11, §12).
/// </summary>
public static class StreamingRoutes
{
    private const string PodPath = "/api/v1/namespaces/{namespace}/pods/{name}/";

    public static void Map(IEndpointRouteBuilder routes, IPodStreams pods, ILoggerFactory? loggers = null)
    {
        var endpoints = new StreamingEndpoints(pods, (loggers ?? NullLoggerFactory.Instance).CreateLogger("Tandem.Server.Streaming"));
        string[] methods = [HttpMethods.Get, HttpMethods.Post];
        routes.MapMethods(PodPath + "exec", methods, context => endpoints.RemoteCommandAsync(context, PodStreamKind.Exec));
        routes.MapMethods(PodPath + "attach", methods, context => endpoints.RemoteCommandAsync(context, PodStreamKind.Attach));
        routes.MapMethods(PodPath + "portforward", methods, endpoints.PortForwardAsync);
    }
}
