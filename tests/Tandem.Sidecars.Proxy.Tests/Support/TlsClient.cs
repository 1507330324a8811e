using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Tandem.Sidecars.Proxy.Tests.Support;

/// <summary>HTTPS clients that trust only the test CA and remember which server certificate they saw.</summary>
public sealed class TlsClient
{
    private string? _lastThumbprint;

    public TlsClient(X509Certificate2 ca) => Ca = ca;

    public X509Certificate2 Ca { get; }

    public string? LastServerThumbprint => Volatile.Read(ref _lastThumbprint);

    public SocketsHttpHandler Handler(X509Certificate2? clientCertificate = null, bool pooled = true)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => Validate(certificate),
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            },
        };
        if (!pooled)
        {
            handler.PooledConnectionLifetime = TimeSpan.Zero;
        }
        return handler;
    }

    public bool Validate(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        Volatile.Write(ref _lastThumbprint, server.Thumbprint);
        return chain.Build(server);
    }
}
