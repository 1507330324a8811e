using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Tandem.Sidecars.Proxy.Tls;

/// <summary>
/// Per-handshake TLS settings: TLS 1.2 and 1.3 only, AEAD suites with forward secrecy only,
/// ALPN h2 and http/1.1, the current certificate, and client-certificate checks against the CA
/// bundle when mTLS is on.
/// </summary>
internal static class TlsServerOptions
{
    private static readonly CipherSuitesPolicy? ModernSuites = OperatingSystem.IsWindows() ? null : CreateModernSuites();

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static CipherSuitesPolicy CreateModernSuites() => new(
    [
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    ]);

    public static SslServerAuthenticationOptions Create(CertificateStore store)
    {
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = store.Current,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Windows takes its suites from the system policy (Schannel); elsewhere we choose.
            options.CipherSuitesPolicy = ModernSuites;
        }
        if (store.ClientCas is { } cas)
        {
            var required = store.Config.RequireClientCertificate;
            options.ClientCertificateRequired = true;
            options.RemoteCertificateValidationCallback = (_, certificate, _, _) => IsTrustedClient(certificate, cas, required);
        }
        return options;
    }

    /// <summary>Builds the client's chain against the configured CAs only, never the system store.</summary>
    internal static bool IsTrustedClient(X509Certificate? presented, X509Certificate2Collection cas, bool required)
    {
        if (presented is null)
        {
            return !required;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(cas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2"));
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }
}
