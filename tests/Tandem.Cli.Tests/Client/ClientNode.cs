using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Node;
using Tandem.Runtime.Runc;
using Tandem.Server;
using Tandem.Testing;
using Tandem.Testing.Kubectl;
using Tandem.Testing.Runtime;

namespace Tandem.Cli.Tests.Client;

/// <summary>
/// A node for the client verbs: a real Kubelet on runc and the API server on a loopback port with a bearer token,
/// plus a kubeconfig that both the tandem client and the pinned kubectl binaries use.
/// </summary>
public sealed class ClientNode : IAsyncLifetime
{
    public const string Token = "client-test-token-42";

    private string _root = "";

    public Kubelet Kubelet { get; private set; } = null!;

    public ApiServer Server { get; private set; } = null!;

    public RuntimeEnvironment Environment { get; private set; } = null!;

    public string Kubeconfig { get; private set; } = "";

    public string Root => _root;

    public async Task InitializeAsync()
    {
        if (Prerequisites.FindMissing(ClientFactAttribute.Needs) is not null && !Prerequisites.IsCi)
        {
            return;
        }
        Prerequisites.Require(ClientFactAttribute.Needs);
        Environment = await RuntimeEnvironment.GetAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        _root = Path.Combine(Environment.Root, "cli-" + suffix);
        var runtime = new RuncRuntime(new RuncRuntimeOptions { StateRoot = Path.Combine(_root, "state"), HostPrefix = "tc" + suffix, DockerConfigPath = null });
        Kubelet = new Kubelet(new NodeOptions { StateDirectory = Path.Combine(_root, "node"), NodeName = "tandem" }, runtime.Sandboxes, runtime.Containers, runtime.Images)
        {
            Streaming = runtime.Streaming,
        };
        await Kubelet.StartAsync(CancellationToken.None);
        // TLS as `tandem up` serves it: kubectl sends the bearer token over TLS only, and the client then checks the CA.
        var certificate = ServingCertificate();
        Server = await ApiServer.StartAsync(new ApiServerOptions { BearerToken = Token, Certificate = certificate }, Kubelet, NullLoggerFactory.Instance, CancellationToken.None);
        Kubeconfig = KubeconfigFile.Write(Path.Combine(_root, "kubeconfig"), Server.Address, Token, certificate.ExportCertificatePem());
    }

    /// <summary>Runs the real tandem client (the build next to the tests) against this node.</summary>
    public Task<CliRun> TandemAsync(params string[] args) => TandemClient.RunAsync(Kubeconfig, args);

    public Kubectl Kubectl(int minor = KubectlVersions.Newest) => new(minor, Kubeconfig, Path.Combine(_root, "home-" + Guid.NewGuid().ToString("N")[..8]));

    /// <summary>A manifest file in this node's scratch directory.</summary>
    public string Manifest(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text.Replace("BUSYBOX", Environment.Busybox, StringComparison.Ordinal));
        return path;
    }

    private static X509Certificate2 ServingCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=tandem-client-test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async Task DisposeAsync()
    {
        if (Kubelet is null)
        {
            return;
        }
        await Server.DisposeAsync();
        await Kubelet.DeleteAllAsync(0, CancellationToken.None);
        await Kubelet.DisposeAsync();
        if (!File.ReadAllText("/proc/self/mountinfo").Contains(_root, StringComparison.Ordinal) && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
