using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Node;
using Tandem.Runtime.Runc;
using Tandem.Testing;
using Tandem.Testing.Kubectl;
using Tandem.Testing.Runtime;

namespace Tandem.Server.Tests.Support;

/// <summary>
/// One test class's node: a real Kubelet on runc (own state root and host prefix), the API server on a loopback port
/// with a bearer token, an authenticated HttpClient and a kubeconfig for the pinned kubectl binaries.
/// </summary>
public sealed class ServerNode : IAsyncLifetime
{
    public const string Token = "test-token-0123456789";

    private string _root = "";
    private RuncRuntimeOptions? _runtimeOptions;

    public Kubelet Kubelet { get; private set; } = null!;

    public ApiServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public RuntimeEnvironment Environment { get; private set; } = null!;

    public string Kubeconfig { get; private set; } = "";

    public string Busybox => Environment.Busybox;

    public string Root => _root;

    public async Task InitializeAsync()
    {
        if (Prerequisites.FindMissing(Requirements.All) is not null && !Prerequisites.IsCi)
        {
            return;
        }
        Environment = await Requirements.RequireAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        _root = Path.Combine(Environment.Root, "srv-" + suffix);
        _runtimeOptions = new RuncRuntimeOptions { StateRoot = Path.Combine(_root, "state"), HostPrefix = "ts" + suffix, DockerConfigPath = null };
        var runtime = new RuncRuntime(_runtimeOptions);
        Kubelet = new Kubelet(new NodeOptions { StateDirectory = Path.Combine(_root, "node"), NodeName = "tandem" }, runtime.Sandboxes, runtime.Containers, runtime.Images);
        await Kubelet.StartAsync(CancellationToken.None);
        Certificate = TestCertificate.Create();
        Server = await ApiServer.StartAsync(new ApiServerOptions { BearerToken = Token, Certificate = Certificate, BookmarkInterval = TimeSpan.FromSeconds(1) },
            Kubelet, NullLoggerFactory.Instance, CancellationToken.None);
        Http = NewClient(Token);
        Kubeconfig = KubeconfigFile.Write(Path.Combine(_root, "kubeconfig"), Server.Address, Token, TestCertificate.Pem(Certificate));
    }

    public X509Certificate2 Certificate { get; private set; } = null!;

    /// <summary>An HttpClient that trusts the test certificate and sends <paramref name="token"/> (none when null).</summary>
    public HttpClient NewClient(string? token)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.Thumbprint == Certificate.Thumbprint,
        };
        var client = new HttpClient(handler) { BaseAddress = Server.Address, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>A kubectl of one minor version with its own HOME (so no discovery cache is shared).</summary>
    public Testing.Kubectl.Kubectl Kubectl(int minor) => new(minor, Kubeconfig, Path.Combine(_root, "home-" + Guid.NewGuid().ToString("N")[..8]));

    public async Task DisposeAsync()
    {
        if (Kubelet is null)
        {
            return;
        }
        Http.Dispose();
        await Server.DisposeAsync();
        await Kubelet.DeleteAllAsync(0, CancellationToken.None);
        await Kubelet.DisposeAsync();
        if (!File.ReadAllText("/proc/self/mountinfo").Contains(_root, StringComparison.Ordinal) && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A one-container busybox pod running <paramref name="script"/> with sh -c, as JSON.</summary>
    public string PodJson(string name, string script, string @namespace = "default", string? labels = null, int grace = 2)
    {
        var labelPart = labels is null ? "" : ",\"labels\":" + labels;
        var command = System.Text.Json.JsonSerializer.Serialize(script);
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + @namespace + "\"" + labelPart + "}," +
            "\"spec\":{\"terminationGracePeriodSeconds\":" + grace + ",\"containers\":[{\"name\":\"main\",\"image\":\"" + Busybox + "\",\"command\":[\"sh\",\"-c\"," + command + "]}]}}";
    }

}
