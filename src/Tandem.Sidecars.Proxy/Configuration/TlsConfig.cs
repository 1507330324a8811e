namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>TLS termination: PEM files, watched and reloaded when they change.</summary>
public sealed record TlsConfig
{
    public required string CertificateFile { get; init; }

    public required string KeyFile { get; init; }

    /// <summary>PEM bundle of CAs that sign client certificates; set to turn on mTLS.</summary>
    public string? ClientCaFile { get; init; }

    /// <summary>With a CA bundle: whether a client without a certificate is refused.</summary>
    public bool RequireClientCertificate { get; init; } = true;

    /// <summary>How often the files are checked even when no file event arrived (events are lost on some volumes).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);
}
