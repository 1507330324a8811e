using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tandem.Sidecars.Proxy.Configuration;

namespace Tandem.Sidecars.Proxy.Tls;

/// <summary>
/// The serving certificate (with its chain) and the client CA bundle, loaded from PEM files and
/// swapped atomically on reload. New handshakes read <see cref="Current"/>; established connections
/// keep the certificate they negotiated, so a rotation drops nothing. A bad new file keeps the old
/// certificate in service.
/// </summary>
internal sealed class CertificateStore
{
    private Loaded _loaded;

    private CertificateStore(TlsConfig config, Loaded loaded)
    {
        Config = config;
        _loaded = loaded;
    }

    public TlsConfig Config { get; }

    public SslStreamCertificateContext Current => Volatile.Read(ref _loaded).Context;

    public X509Certificate2 Certificate => Volatile.Read(ref _loaded).Certificate;

    public X509Certificate2Collection? ClientCas => Volatile.Read(ref _loaded).ClientCas;

    /// <exception cref="CertificateLoadException">The files are missing, unreadable or do not match.</exception>
    public static CertificateStore Load(TlsConfig config) => new(config, LoadFiles(config));

    /// <summary>Reloads the files; returns false and keeps the current certificate if they are not usable.</summary>
    public bool TryReload(out string? error)
    {
        try
        {
            Volatile.Write(ref _loaded, LoadFiles(Config));
            error = null;
            return true;
        }
        catch (CertificateLoadException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static Loaded LoadFiles(TlsConfig config)
    {
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(config.CertificateFile, config.KeyFile);
            if (!certificate.HasPrivateKey)
            {
                throw new CertificateLoadException($"tls.key: '{config.KeyFile}' holds no private key for '{config.CertificateFile}'");
            }
            var all = new X509Certificate2Collection();
            all.ImportFromPemFile(config.CertificateFile);
            // The first certificate is the leaf; any that follow are intermediates sent in the handshake.
            var intermediates = new X509Certificate2Collection(all.Skip(1).ToArray());
            var context = SslStreamCertificateContext.Create(certificate, intermediates, offline: true);
            X509Certificate2Collection? cas = null;
            if (config.ClientCaFile is { } caFile)
            {
                cas = [];
                cas.ImportFromPemFile(caFile);
                if (cas.Count == 0)
                {
                    throw new CertificateLoadException($"tls.clientCa: '{caFile}' holds no PEM certificate");
                }
            }
            return new Loaded(certificate, context, cas);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CertificateLoadException($"tls: cannot load '{config.CertificateFile}' with key '{config.KeyFile}': {e.Message}", e);
        }
    }

    private sealed record Loaded(X509Certificate2 Certificate, SslStreamCertificateContext Context, X509Certificate2Collection? ClientCas);
}
