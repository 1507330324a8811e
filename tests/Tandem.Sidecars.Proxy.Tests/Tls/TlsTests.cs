using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Tests.Support;

namespace Tandem.Sidecars.Proxy.Tests.Tls;

public sealed class TlsTests
{
    private static Dictionary<string, string> Files((string CertificatePem, string KeyPem, string Thumbprint) server, string? ca = null)
    {
        var files = new Dictionary<string, string> { ["tls.crt"] = server.CertificatePem, ["tls.key"] = server.KeyPem };
        if (ca is not null)
        {
            files["ca.crt"] = ca;
        }
        return files;
    }

    private static string Config(Uri upstream, string tlsExtra = "") => $"""
        listen:
          https: 127.0.0.1:0
        tls:
          certificate: tls.crt
          key: tls.key
        {tlsExtra}
        routes:
          - name: app
            upstreams: [{upstream}]
        """;

    [Fact]
    public async Task Https_NegotiatesHttp2ByAlpn_AndStillServesHttp11()
    {
        using var pki = new TestPki();
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync($"{ctx.Request.Headers["X-Forwarded-Proto"]}"));
        using var directory = new TempDirectory();
        new SecretVolume(directory.Path).Write(Files(pki.IssueServer()));
        await using var proxy = await RunningProxy.StartAsync(Config(backend.Address), directory);
        var tls = new TlsClient(pki.Ca);
        using var client = new HttpClient(tls.Handler()) { BaseAddress = proxy.HttpsAddress };

        using var h2 = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact });
        using var h1 = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/") { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact });

        Assert.Equal(HttpVersion.Version20, h2.Version);
        Assert.Equal("https", await h2.Content.ReadAsStringAsync());
        Assert.Equal(HttpVersion.Version11, h1.Version);
        Assert.Equal(HttpStatusCode.OK, h1.StatusCode);
    }

    [Fact]
    public async Task Tls12_UsesAnAeadSuite_AndTls11IsRefused()
    {
        using var pki = new TestPki();
        await using var backend = await TestBackend.StartAsync(_ => Task.CompletedTask);
        using var directory = new TempDirectory();
        new SecretVolume(directory.Path).Write(Files(pki.IssueServer()));
        await using var proxy = await RunningProxy.StartAsync(Config(backend.Address), directory);
        var tls = new TlsClient(pki.Ca);

        await using (var ssl = await HandshakeAsync(proxy, tls, SslProtocols.Tls12))
        {
            Assert.Equal(SslProtocols.Tls12, ssl.SslProtocol);
            Assert.Contains("GCM", ssl.NegotiatedCipherSuite.ToString(), StringComparison.Ordinal);
        }
#pragma warning disable SYSLIB0039 // TLS 1.1 on purpose: the test proves the proxy refuses it.
        await Assert.ThrowsAnyAsync<Exception>(async () => await HandshakeAsync(proxy, tls, SslProtocols.Tls11));
#pragma warning restore SYSLIB0039
    }

    [Fact]
    public async Task Certificate_SwappedLikeASecretVolume_IsServedToNewConnections_WithoutARestart()
    {
        using var pki = new TestPki();
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("ok"));
        using var directory = new TempDirectory();
        var volume = new SecretVolume(directory.Path);
        var first = pki.IssueServer();
        volume.Write(Files(first));
        await using var proxy = await RunningProxy.StartAsync(Config(backend.Address, "  pollInterval: 200ms"), directory);
        var tls = new TlsClient(pki.Ca);
        using var keptAlive = new HttpClient(tls.Handler()) { BaseAddress = proxy.HttpsAddress };
        Assert.Equal("ok", await keptAlive.GetStringAsync("/"));
        Assert.Equal(first.Thumbprint, tls.LastServerThumbprint);

        var second = pki.IssueServer();
        volume.Write(Files(second));

        // The watcher notices the ..data swap on its own; wait for it with a bounded number of fresh handshakes.
        var fresh = new TlsClient(pki.Ca);
        for (var i = 0; i < 200 && fresh.LastServerThumbprint != second.Thumbprint; i++)
        {
            using var client = new HttpClient(fresh.Handler(pooled: false)) { BaseAddress = proxy.HttpsAddress };
            Assert.Equal("ok", await client.GetStringAsync("/"));
            if (fresh.LastServerThumbprint != second.Thumbprint)
            {
                await Task.Delay(50);
            }
        }
        Assert.Equal(second.Thumbprint, fresh.LastServerThumbprint);
        // The connection opened before the rotation still works.
        Assert.Equal("ok", await keptAlive.GetStringAsync("/"));
    }

    [Fact]
    public async Task BrokenCertificateFiles_KeepTheCurrentCertificateInService()
    {
        using var pki = new TestPki();
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("ok"));
        using var directory = new TempDirectory();
        var volume = new SecretVolume(directory.Path);
        var good = pki.IssueServer();
        volume.Write(Files(good));
        await using var proxy = await RunningProxy.StartAsync(Config(backend.Address), directory);

        volume.Write(new Dictionary<string, string> { ["tls.crt"] = "not a certificate", ["tls.key"] = good.KeyPem });

        Assert.False(proxy.Host.ReloadCertificates());
        var tls = new TlsClient(pki.Ca);
        using var client = new HttpClient(tls.Handler()) { BaseAddress = proxy.HttpsAddress };
        Assert.Equal("ok", await client.GetStringAsync("/"));
        Assert.Equal(good.Thumbprint, tls.LastServerThumbprint);
    }

    [Fact]
    public async Task MutualTls_AcceptsClientsOfTheCa_AndTellsTheAppWhoTheyAre()
    {
        using var pki = new TestPki();
        using var stranger = new TestPki("Stranger CA");
        string? subject = null;
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            subject = ctx.Request.Headers["x-tandem-client-cert-subject"];
            return ctx.Response.WriteAsync("ok");
        });
        using var directory = new TempDirectory();
        new SecretVolume(directory.Path).Write(Files(pki.IssueServer(), pki.CaPem));
        await using var proxy = await RunningProxy.StartAsync(Config(backend.Address, "  clientCa: ca.crt"), directory);
        var tls = new TlsClient(pki.Ca);

        using var trusted = TestPki.Load(pki.IssueClient("billing"));
        using (var client = new HttpClient(tls.Handler(trusted)) { BaseAddress = proxy.HttpsAddress })
        {
            Assert.Equal("ok", await client.GetStringAsync("/"));
            Assert.Equal("CN=billing", subject);
        }

        using var untrusted = TestPki.Load(stranger.IssueClient("mallory"));
        using (var client = new HttpClient(tls.Handler(untrusted)) { BaseAddress = proxy.HttpsAddress })
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync("/"));
        }
        using (var client = new HttpClient(tls.Handler()) { BaseAddress = proxy.HttpsAddress })
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync("/"));
        }
    }

    private static async Task<SslStream> HandshakeAsync(RunningProxy proxy, TlsClient tls, SslProtocols protocols)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, proxy.Host.HttpsEndpoint!.Port);
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true));
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = protocols,
                RemoteCertificateValidationCallback = (_, certificate, _, _) => tls.Validate(certificate),
            });
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }
}
