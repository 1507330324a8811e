using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Tandem.Cli.Api;

namespace Tandem.Cli.Tests.Api;

public sealed class KubeconfigLoaderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kubeconfig-" + Guid.NewGuid().ToString("N")[..8]);

    public KubeconfigLoaderTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void CurrentContext_GivesItsServerTokenAndNamespace()
    {
        var path = Write("config", """
            apiVersion: v1
            kind: Config
            current-context: tandem
            clusters:
            - name: tandem
              cluster:
                server: https://127.0.0.1:6443
            users:
            - name: tandem
              user:
                token: secret-token
            contexts:
            - name: tandem
              context:
                cluster: tandem
                user: tandem
                namespace: team
            """);

        var connection = KubeconfigLoader.Load(path, null, _ => null);

        Assert.Equal(new Uri("https://127.0.0.1:6443"), connection.Server);
        Assert.Equal("secret-token", connection.BearerToken);
        Assert.Equal("team", connection.ContextNamespace);
        Assert.Equal("tandem", connection.ContextName);
    }

    [Fact]
    public void ContextFlag_WinsOverCurrentContext_AndAContextWithoutNamespaceHasNone()
    {
        var path = Write("config", TwoContexts);

        var connection = KubeconfigLoader.Load(path, "other", _ => null);

        Assert.Equal(new Uri("http://127.0.0.1:9999"), connection.Server);
        Assert.Null(connection.ContextNamespace);
    }

    [Fact]
    public void UnknownContext_IsAnErrorNamingIt()
    {
        var path = Write("config", TwoContexts);

        var error = Assert.Throws<KubeconfigException>(() => KubeconfigLoader.Load(path, "nope", _ => null));

        Assert.Equal("context \"nope\" does not exist", error.Message);
    }

    [Fact]
    public void KubeconfigVariable_MergesFiles_FirstOneWinsPerName()
    {
        var first = Write("a", """
            current-context: a
            contexts:
            - name: a
              context: {cluster: shared, user: u}
            clusters:
            - name: shared
              cluster: {server: "http://127.0.0.1:1111"}
            """);
        var second = Write("b", """
            current-context: b
            clusters:
            - name: shared
              cluster: {server: "http://127.0.0.1:2222"}
            users:
            - name: u
              user: {token: from-b}
            """);

        var connection = KubeconfigLoader.Load(null, null, name => name == "KUBECONFIG" ? $"{first}:{second}" : null);

        Assert.Equal(1111, connection.Server.Port);
        Assert.Equal("from-b", connection.BearerToken);
    }

    [Fact]
    public void NoFileAnywhere_SaysWhereItLookedAndWhatToDo()
    {
        var error = Assert.Throws<KubeconfigException>(() => KubeconfigLoader.Load(null, null, name => name == "HOME" ? _directory : null));

        Assert.Contains(Path.Combine(_directory, ".kube", "config"), error.Message, StringComparison.Ordinal);
        Assert.Contains("tandem up", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CertificateAuthorityData_TokenFileAndClientCertificate_AreRead_RelativePathsFromTheFile()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(90));
        var certPem = certificate.ExportCertificatePem();
        File.WriteAllText(Path.Combine(_directory, "client.crt"), certPem);
        File.WriteAllText(Path.Combine(_directory, "client.key"), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(_directory, "token"), "from-file\n");
        var path = Write("config", $$"""
            current-context: c
            clusters:
            - name: c
              cluster:
                server: https://localhost:6443
                certificate-authority-data: {{Convert.ToBase64String(Encoding.ASCII.GetBytes(certPem))}}
            users:
            - name: c
              user:
                tokenFile: token
                client-certificate: client.crt
                client-key: client.key
            contexts:
            - name: c
              context: {cluster: c, user: c}
            """);

        var connection = KubeconfigLoader.Load(path, null, _ => null);

        Assert.Equal(certificate.Thumbprint, Assert.Single(connection.TrustedAuthorities).Thumbprint);
        Assert.Equal(Path.Combine(_directory, "token"), connection.BearerTokenFile);
        Assert.True(connection.ClientCertificate!.HasPrivateKey);
    }

    [Fact]
    public void JsonKubeconfig_AsTheTestsWriteIt_IsRead()
    {
        var path = Tandem.Testing.Kubectl.KubeconfigFile.Write(Path.Combine(_directory, "json"), new Uri("https://127.0.0.1:7443"), "tok");

        var connection = KubeconfigLoader.Load(path, null, _ => null);

        Assert.True(connection.InsecureSkipTlsVerify);
        Assert.Equal("tok", connection.BearerToken);
        Assert.Equal("default", connection.ContextNamespace);
    }

    private const string TwoContexts = """
        current-context: main
        clusters:
        - name: main
          cluster: {server: "http://127.0.0.1:8888"}
        - name: other
          cluster: {server: "http://127.0.0.1:9999"}
        users:
        - name: u
          user: {}
        contexts:
        - name: main
          context: {cluster: main, user: u, namespace: x}
        - name: other
          context: {cluster: other, user: u}
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
