namespace Tandem.Sidecars.Proxy.Tls;

/// <summary>A certificate, key or CA file that cannot be used; the message names the file and the config field.</summary>
public sealed class CertificateLoadException : Exception
{
    public CertificateLoadException(string message)
        : base(message)
    {
    }

    public CertificateLoadException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
