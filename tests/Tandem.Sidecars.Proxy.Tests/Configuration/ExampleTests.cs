using System.Net;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Tandem.Sidecars.Proxy.Tests.Configuration;

/// <summary>The proxy config inside examples/proxy-sidecar.yaml is real: it loads and runs, with TLS and the API key.</summary>
public sealed class ExampleTests
{
    [Fact]
    public async Task ExampleProxyConfig_RunsWithTlsAndTheDocumentedApiKey()
    {
        var example = Path.Combine(RepositoryRoot(), "examples", "proxy-sidecar.yaml");
        var stream = new YamlStream();
        stream.Load(new StringReader(await File.ReadAllTextAsync(example)));
        var configMap = stream.Documents.Select(d => (YamlMappingNode)d.RootNode).Single(d => d["kind"].ToString() == "ConfigMap");
        var proxyYaml = ((YamlMappingNode)configMap["data"])["proxy.yaml"].ToString();

        using var pki = new TestPki();
        await using var app = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("from the app"));
        using var directory = new TempDirectory();
        var server = pki.IssueServer();
        await File.WriteAllTextAsync(directory.File("tls.crt"), server.CertificatePem);
        await File.WriteAllTextAsync(directory.File("tls.key"), server.KeyPem);
        // Same config, with the pod's fixed ports and paths swapped for free ports and temp files.
        var local = proxyYaml
            .Replace("/etc/tandem/tls/", directory.Path + "/", StringComparison.Ordinal)
            .Replace("0.0.0.0:8443", "127.0.0.1:0", StringComparison.Ordinal)
            .Replace("address: 0.0.0.0", "address: 127.0.0.1", StringComparison.Ordinal)
            .Replace("port: 9901", "port: 0", StringComparison.Ordinal)
            .Replace("http://127.0.0.1:8080", app.Address.ToString().TrimEnd('/'), StringComparison.Ordinal)
            + "accessLog:\n  enabled: false\n";
        await using var proxy = await RunningProxy.StartAsync(local, directory);
        var tls = new TlsClient(pki.Ca);
        using var client = new HttpClient(tls.Handler()) { BaseAddress = proxy.HttpsAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("x-api-key", "demo-key-change-me");
        var response = await client.SendAsync(request);
        Assert.Equal("from the app", await response.Content.ReadAsStringAsync());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tandem.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Tandem.slnx not found above " + AppContext.BaseDirectory);
    }
}
