using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tandem.Sidecars.Proxy.Tests.Support;

/// <summary>A throwaway CA that issues server and client certificates (ECDSA P-256, fast to make).</summary>
public sealed class TestPki : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestPki(string name = "Tandem Test CA")
    {
        var request = new CertificateRequest($"CN={name}", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    public X509Certificate2 Ca { get; }

    public string CaPem => Ca.ExportCertificatePem();

    /// <summary>A server certificate for localhost and 127.0.0.1, as PEM certificate and PEM key.</summary>
    public (string CertificatePem, string KeyPem, string Thumbprint) IssueServer() => Issue("CN=localhost", ServerAuth, server: true);

    public (string CertificatePem, string KeyPem, string Thumbprint) IssueClient(string subject) => Issue($"CN={subject}", ClientAuth, server: false);

    public static X509Certificate2 Load((string CertificatePem, string KeyPem, string Thumbprint) issued) =>
        X509Certificate2.CreateFromPem(issued.CertificatePem, issued.KeyPem);

    public void Dispose()
    {
        Ca.Dispose();
        _caKey.Dispose();
    }

    private (string, string, string) Issue(string subject, Oid usage, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(Ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30), serial);
        return (issued.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem(), issued.Thumbprint);
    }
}
