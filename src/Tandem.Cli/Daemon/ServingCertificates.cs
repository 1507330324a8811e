using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tandem.Cli.Daemon;

/// <summary>
/// The daemon's PKI under <c>&lt;state&gt;/pki</c>: a CA (ECDSA P-256, ten years) made once and kept, since every
/// kubeconfig that trusts the daemon names it, and a serving certificate it signs for 127.0.0.1, ::1 and localhost,
/// renewed under the same CA when it nears its end. Keys are PEM files of mode 0600.
/// </summary>
public sealed class ServingCertificates
{
    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3650);
    private static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(365);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    private ServingCertificates(string caPem, X509Certificate2 server)
    {
        CaPem = caPem;
        Server = server;
    }

    /// <summary>The CA certificate in PEM, as a kubeconfig's <c>certificate-authority-data</c> carries it (base64 of this text).</summary>
    public string CaPem { get; }

    /// <summary>The serving certificate with its private key.</summary>
    public X509Certificate2 Server { get; }

    public static ServingCertificates LoadOrCreate(DaemonLayout layout, TimeProvider time)
    {
        Directory.CreateDirectory(layout.PkiDirectory);
        var now = time.GetUtcNow();
        if (!File.Exists(layout.CaCertificate) || !File.Exists(layout.CaKey))
        {
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=tandem-ca", caKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            using var ca = request.CreateSelfSigned(now.AddMinutes(-5), now + CaLifetime);
            PrivateFile.Write(layout.CaKey, caKey.ExportPkcs8PrivateKeyPem());
            PrivateFile.Write(layout.CaCertificate, ca.ExportCertificatePem(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.Delete(layout.ServerCertificate);
        }
        using var authority = X509Certificate2.CreateFromPemFile(layout.CaCertificate, layout.CaKey);
        if (!IsUsable(layout, authority, now))
        {
            IssueServer(layout, authority, now);
        }
        var server = X509Certificate2.CreateFromPemFile(layout.ServerCertificate, layout.ServerKey);
        return new ServingCertificates(File.ReadAllText(layout.CaCertificate), server);
    }

    private static bool IsUsable(DaemonLayout layout, X509Certificate2 authority, DateTimeOffset now)
    {
        if (!File.Exists(layout.ServerCertificate) || !File.Exists(layout.ServerKey))
        {
            return false;
        }
        using var server = X509Certificate2.CreateFromPemFile(layout.ServerCertificate, layout.ServerKey);
        return server.Issuer == authority.Subject && server.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore;
    }

    private static void IssueServer(DaemonLayout layout, X509Certificate2 authority, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=tandem", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var notAfter = now + ServerLifetime < authority.NotAfter.ToUniversalTime() ? now + ServerLifetime : new DateTimeOffset(authority.NotAfter.ToUniversalTime());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number (RFC 5280, 4.1.2.2)
        using var issued = request.Create(authority, now.AddMinutes(-5), notAfter, serial);
        PrivateFile.Write(layout.ServerKey, key.ExportPkcs8PrivateKeyPem());
        PrivateFile.Write(layout.ServerCertificate, issued.ExportCertificatePem(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }
}
