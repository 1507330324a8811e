using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tandem.Runtime;
using Tandem.Server.Streaming;
using Tandem.Testing.Kubectl;
using Tandem.Testing.Server;

namespace Tandem.Cli.Tests.Client;

/// <summary>
/// Kestrel on 127.0.0.1 with the server's real exec and port-forward endpoints (<see cref="StreamingRoutes"/>) and a
/// <c>GET</c> of one running pod <c>web</c> (containers <c>main</c>, <c>helper</c>), whose "containers" are this
/// machine: exec runs host processes, port-forward dials 127.0.0.1. Enough for the client's exec and port-forward
/// without a container runtime.
/// </summary>
public sealed class StreamingHost : IAsyncLifetime
{
    private const string PodJson = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","uid":"u-web"},
         "spec":{"containers":[{"name":"main","image":"busybox"},{"name":"helper","image":"busybox"}]},
         "status":{"phase":"Running"}}
        """;

    private WebApplication? _app;
    private string _directory = "";

    public string Kubeconfig { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/api/v1/namespaces/{namespace}/pods/{name}", async (HttpContext context, string name) =>
        {
            context.Response.ContentType = "application/json";
            if (name == "web")
            {
                await context.Response.WriteAsync(PodJson);
                return;
            }
            await StreamStatus.WriteAsync(context, StreamStatus.NotFound("pods", name));
        });
        StreamingRoutes.Map(_app, new HostStreams(), _app.Services.GetRequiredService<ILoggerFactory>());
        await _app.StartAsync();
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _directory = Directory.CreateTempSubdirectory("tandem-client-streaming-").FullName;
        Kubeconfig = KubeconfigFile.Write(Path.Combine(_directory, "kubeconfig"), address, "unused-token");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class HostStreams : IPodStreams
    {
        public PodStreamResolution Resolve(PodStreamRequest request)
        {
            if (request.Pod != "web")
            {
                return PodStreamResolution.Failed(StreamStatus.NotFound("pods", request.Pod));
            }
            var container = request.Container ?? "main";
            if (request.Kind != PodStreamKind.PortForward && container is not ("main" or "helper"))
            {
                return PodStreamResolution.Failed(StreamStatus.BadRequest($"container {container} is not valid for pod {request.Pod}"));
            }
            return PodStreamResolution.Found(new PodStreamTarget(request.Namespace, request.Pod, container, "host", "host", PodUid: "u-web"));
        }

        public Task<int> ExecAsync(PodStreamTarget target, IReadOnlyList<string> command, StreamingIo io, CancellationToken cancellationToken) =>
            HostProcesses.ExecWithPipesAsync(command, io, new Dictionary<string, string> { ["CONTAINER"] = target.Container ?? "" }, cancellationToken);

        public Task AttachAsync(PodStreamTarget target, StreamingIo io, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Stream> PortForwardAsync(PodStreamTarget target, int port, CancellationToken cancellationToken) =>
            HostProcesses.DialLoopbackAsync(port, cancellationToken);
    }
}
