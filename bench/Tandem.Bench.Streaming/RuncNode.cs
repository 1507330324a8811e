using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Cli.Daemon;
using Tandem.Node;
using Tandem.Runtime.Runc;
using Tandem.Server;

namespace Tandem.Bench.Streaming;

/// <summary>
/// The end-to-end target: a real Kubelet on runc behind the real ApiServer with TLS and a bearer token (the PKI
/// <c>tandem up</c> makes), and one busybox pod <c>web</c> whose servers are the port-forward peers inside the pod netns.
/// </summary>
internal sealed class RuncNode : IAsyncDisposable
{
    private const string Image = "localhost/tandem-bench/busybox:1";

    /// <summary>In-pod port that discards what it receives (<c>dd</c> reads the socket directly: nc <c>-e</c> copies nothing).</summary>
    public const int SinkPort = 9001;

    /// <summary>In-pod port that sends zeros until the peer goes away.</summary>
    public const int SourcePort = 9002;

    // nc -ll -e hands each accepted socket to dd as stdin/stdout, so no 1 KiB nc copy loop sits in the path.
    private static readonly string Script =
        $"nc -ll -p {SinkPort} -e dd of=/dev/null bs=1M 2>/dev/null & nc -ll -p {SourcePort} -e dd if=/dev/zero bs=1M 2>/dev/null & wait";

    private readonly string _root;
    private readonly Kubelet _kubelet;
    private readonly ApiServer _server;

    private RuncNode(string root, Kubelet kubelet, ApiServer server, string kubeconfig)
    {
        _root = root;
        _kubelet = kubelet;
        _server = server;
        Kubeconfig = kubeconfig;
    }

    public string Kubeconfig { get; }

    public static async Task<RuncNode> StartAsync(string archive, string root)
    {
        var runtime = new RuncRuntime(new RuncRuntimeOptions
        {
            StateRoot = Path.Combine(root, "runtime"), HostPrefix = "tb" + Random.Shared.Next(1000, 9999), DockerConfigPath = null,
        });
        await runtime.Images.ImportImageAsync(archive, Image, CancellationToken.None);
        var kubelet = new Kubelet(new NodeOptions { StateDirectory = Path.Combine(root, "node") }, runtime.Sandboxes, runtime.Containers, runtime.Images);
        await kubelet.StartAsync(CancellationToken.None);
        var pki = ServingCertificates.LoadOrCreate(new DaemonLayout(Path.Combine(root, "daemon")), TimeProvider.System);
        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var server = await ApiServer.StartAsync(new ApiServerOptions { Certificate = pki.Server, BearerToken = token }, kubelet, null, CancellationToken.None);
        var kubeconfig = Path.Combine(root, "kubeconfig");
        var address = server.Address.ToString().TrimEnd('/');
        var ca = Convert.ToBase64String(Encoding.ASCII.GetBytes(pki.CaPem));
        File.WriteAllText(kubeconfig, $$$"""
            {"apiVersion":"v1","kind":"Config","current-context":"b","clusters":[{"name":"b","cluster":{"server":"{{{address}}}","certificate-authority-data":"{{{ca}}}"}}],
             "users":[{"name":"b","user":{"token":"{{{token}}}"}}],"contexts":[{"name":"b","context":{"cluster":"b","user":"b","namespace":"default"}}]}
            """);
        var node = new RuncNode(root, kubelet, server, kubeconfig);
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.Thumbprint == pki.Server.Thumbprint })
        {
            BaseAddress = server.Address,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = new JsonObject { ["name"] = "web" },
            ["spec"] = new JsonObject
            {
                ["terminationGracePeriodSeconds"] = 1,
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = Image, ["command"] = new JsonArray("sh", "-c", Script) }),
            },
        };
        using var created = await http.PostAsync("/api/v1/namespaces/default/pods", new StringContent(pod.ToJsonString(), Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        for (var i = 0; ; i++)
        {
            var status = JsonNode.Parse(await http.GetStringAsync("/api/v1/namespaces/default/pods/web"))!["status"]!;
            if ((string?)status["phase"] == "Running")
            {
                break;
            }
            if (i > 600)
            {
                throw new TimeoutException("pod web is not Running after 60 s: " + status.ToJsonString());
            }
            await Task.Delay(100);
        }
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _kubelet.DeleteAllAsync(0, CancellationToken.None);
        await _kubelet.DisposeAsync();
        if (!File.ReadAllText("/proc/self/mountinfo").Contains(_root, StringComparison.Ordinal))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
