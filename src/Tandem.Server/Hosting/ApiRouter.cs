using Microsoft.AspNetCore.Http;
using Tandem.Server.Discovery;
using Tandem.Server.Http;
using Tandem.Server.Logs;
using Tandem.Server.Resources;
using Tandem.Server.Storage;

namespace Tandem.Server.Hosting;

/// <summary>
/// Everything but the streaming subresources: version, health, discovery, OpenAPI and the core/v1 resources. One
/// switch over the path instead of many endpoints keeps startup and per-request cost small.
/// </summary>
internal sealed class ApiRouter(ApiContext api, ObjectWrites writes)
{
    public Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        switch (path)
        {
            case "/version" or "/version/" when isGet:
                return JsonOutput.WriteBytesAsync(context, 200, ServerDocuments.Version);
            case "/healthz" or "/livez" or "/readyz" when isGet:
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync("ok");
            case "/api" or "/api/" when isGet:
                return DiscoveryAsync(context, core: true);
            case "/apis" or "/apis/" when isGet:
                return DiscoveryAsync(context, core: false);
            case "/api/v1" or "/api/v1/" when isGet:
                return JsonOutput.WriteBytesAsync(context, 200, DiscoveryDocuments.V1ResourceList);
            case "/openapi/v2" or "/swagger-2.0.0.pb-v1" when isGet:
                // An empty body is an empty protobuf Document; the media type must not contain '@' (spec 4.3).
                context.Response.StatusCode = 200;
                context.Response.ContentType = ServerDocuments.OpenApiV2ContentType;
                context.Response.ContentLength = 0;
                return Task.CompletedTask;
            case "/openapi/v3" when isGet:
                return JsonOutput.WriteBytesAsync(context, 200, ServerDocuments.OpenApiV3Paths);
            case "/openapi/v3/api/v1" when isGet:
                return JsonOutput.WriteBytesAsync(context, 200, ServerDocuments.OpenApiV3CoreV1);
            default:
                break;
        }
        var target = RequestPath.Parse(path) ?? throw Errors.ResourceNotFound();
        return ResourceAsync(context, target);
    }

    private static Task DiscoveryAsync(HttpContext context, bool core)
    {
        if (AcceptHeader.DiscoveryVersion(context.Request.Headers.Accept) is { } version)
        {
            var body = core ? DiscoveryDocuments.AggregatedCore(version) : DiscoveryDocuments.AggregatedGroups(version);
            context.Response.StatusCode = 200;
            context.Response.ContentType = DiscoveryDocuments.AggregatedContentType(version);
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        }
        return JsonOutput.WriteBytesAsync(context, 200, core ? DiscoveryDocuments.ApiVersions : DiscoveryDocuments.ApiGroupList);
    }

    private Task ResourceAsync(HttpContext context, RequestPath target)
    {
        var method = context.Request.Method;
        if (target.Resource == "services")
        {
            // cluster-info needs services in discovery and an (empty) list; there are none to get.
            return target.Name is null && HttpMethods.IsGet(method)
                ? ObjectReads.EmptyServiceListAsync(context, api)
                : throw Errors.NotFound("services", target.Name ?? "");
        }
        var kind = ResourceKinds.Find(target.Resource) ?? throw Errors.ResourceNotFound();
        if ((!kind.Namespaced && target.Namespace is not null) || (kind.Namespaced && target.Namespace is null && target.Name is not null))
        {
            // A namespaced kind outside a namespace only lists (GET /api/v1/pods); a cluster-scoped one never has one.
            throw Errors.ResourceNotFound();
        }
        var ns = target.Namespace;
        if (target.Name is null)
        {
            return method switch
            {
                "GET" or "HEAD" => ObjectReads.ListAsync(context, api, kind, ns),
                "POST" when kind.Namespaced == (ns is not null) => writes.CreateAsync(context, kind, ns),
                _ => throw Errors.MethodNotAllowed($"the server does not allow this method on the requested resource"),
            };
        }
        var name = target.Name;
        switch (target.Subresource)
        {
            case null:
                return method switch
                {
                    "GET" or "HEAD" => ObjectReads.GetAsync(context, api, kind, ns ?? "", name),
                    "PUT" => writes.ReplaceAsync(context, kind, ns, name, statusOnly: false),
                    "PATCH" => writes.PatchAsync(context, kind, ns, name, statusOnly: false),
                    "DELETE" => writes.DeleteAsync(context, kind, ns, name),
                    _ => throw Errors.MethodNotAllowed("the server does not allow this method on the requested resource"),
                };
            case "status" when kind == ResourceKinds.Pods || kind == ResourceKinds.Namespaces:
                return method switch
                {
                    "GET" or "HEAD" => ObjectReads.GetAsync(context, api, kind, ns ?? "", name),
                    "PUT" => writes.ReplaceAsync(context, kind, ns, name, statusOnly: true),
                    "PATCH" => writes.PatchAsync(context, kind, ns, name, statusOnly: true),
                    _ => throw Errors.MethodNotAllowed("the server does not allow this method on the requested resource"),
                };
            case "log" when kind == ResourceKinds.Pods && HttpMethods.IsGet(method):
                return PodLogEndpoint.ServeAsync(context, api, ns!, name);
            default:
                throw Errors.ResourceNotFound();
        }
    }
}
