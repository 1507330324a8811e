using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tandem.Model.Serialization;
using Tandem.Server.Streaming;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.Streaming;

/// <summary>
/// Kestrel on 127.0.0.1 with the streaming routes and just enough of the API for kubectl's pre-checks: legacy
/// discovery, <c>/version</c> and <c>GET</c> of the pods in <see cref="TestPods"/>.
/// </summary>
internal sealed class StreamingTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _scratch;

    private StreamingTestHost(WebApplication app, Uri address, string scratch, HostPodStreams pods)
    {
        _app = app;
        Address = address;
        _scratch = scratch;
        Pods = pods;
    }

    public Uri Address { get; }

    public HostPodStreams Pods { get; }

    public static async Task<StreamingTestHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("TANDEM_TEST_LOG") is { Length: > 0 } logFile)
        {
            builder.Logging.AddProvider(new FileLoggerProvider(logFile)).SetMinimumLevel(LogLevel.Debug);
        }
        var app = builder.Build();
        var pods = new HostPodStreams();
        app.MapGet("/version", () => Results.Json(new Dictionary<string, string>
        {
            ["major"] = "1", ["minor"] = "33", ["gitVersion"] = "v1.33.0-tandem", ["platform"] = "linux/amd64",
        }));
        app.MapGet("/api", () => Results.Text("""{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}""", "application/json"));
        app.MapGet("/apis", () => Results.Text("""{"kind":"APIGroupList","apiVersion":"v1","groups":[]}""", "application/json"));
        app.MapGet("/api/v1", () => Results.Text("""
            {"kind":"APIResourceList","groupVersion":"v1","resources":[
             {"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["create","delete","get","list","patch","update","watch"],"shortNames":["po"]},
             {"name":"pods/attach","singularName":"","namespaced":true,"kind":"PodAttachOptions","verbs":["create","get"]},
             {"name":"pods/exec","singularName":"","namespaced":true,"kind":"PodExecOptions","verbs":["create","get"]},
             {"name":"pods/portforward","singularName":"","namespaced":true,"kind":"PodPortForwardOptions","verbs":["create","get"]}]}
            """, "application/json"));
        app.MapGet("/api/v1/namespaces/{namespace}/pods/{name}", async (HttpContext context, string @namespace, string name) =>
        {
            context.Response.ContentType = "application/json";
            if (TestPods.Find(@namespace, name) is { } pod)
            {
                await context.Response.WriteAsync(JsonSerializer.Serialize(pod, KubernetesJsonContext.Default.Pod));
                return;
            }
            await StreamStatus.WriteAsync(context, StreamStatus.NotFound("pods", name));
        });
        StreamingRoutes.Map(app, pods, app.Services.GetRequiredService<ILoggerFactory>());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StreamingTestHost(app, new Uri(address), Directory.CreateTempSubdirectory("tandem-streaming-").FullName, pods);
    }

    /// <summary>A kubectl of the given minor version with its own HOME and a kubeconfig for this host.</summary>
    public Kubectl Kubectl(int minor)
    {
        var (home, config) = NewHome();
        return new Kubectl(minor, config, home);
    }

    /// <summary>A scratch HOME holding a kubeconfig for this host, for running kubectl some other way (on a terminal).</summary>
    public (string Home, string Kubeconfig) NewHome()
    {
        var home = Path.Combine(_scratch, $"home-{Guid.NewGuid():N}");
        return (home, KubeconfigFile.Write(Path.Combine(home, "kubeconfig"), Address, token: null));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
