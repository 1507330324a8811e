using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tandem.Server.Streaming;

namespace Tandem.Bench.Streaming;

/// <summary>Kestrel on 127.0.0.1 with the streaming routes and the few reads kubectl makes before exec and port-forward.</summary>
internal static class BenchHost
{
    private const string Pod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","uid":"bench","resourceVersion":"1"},
         "spec":{"containers":[{"name":"main","image":"busybox"}]},"status":{"phase":"Running"}}
        """;

    public static async Task<(WebApplication App, Uri Address)> StartAsync(IPodStreams pods)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/api", () => Results.Text("""{"kind":"APIVersions","versions":["v1"]}""", "application/json"));
        app.MapGet("/apis", () => Results.Text("""{"kind":"APIGroupList","apiVersion":"v1","groups":[]}""", "application/json"));
        app.MapGet("/api/v1", () => Results.Text("""
            {"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["get","list"]}]}
            """, "application/json"));
        app.MapGet("/api/v1/namespaces/default/pods/web", () => Results.Text(Pod, "application/json"));
        StreamingRoutes.Map(app, pods);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
