using System.Security.Cryptography.X509Certificates;

namespace Tandem.Cli.Api;

/// <summary>
/// Everything needed to talk to one API server, resolved from a kubeconfig context: where, whom to trust,
/// who we are, and the namespace the context names (null when it names none).
/// </summary>
public sealed record ClusterConnection
{
    public required Uri Server { get; init; }

    /// <summary>Extra roots to trust (certificate-authority / -data); empty means the system store.</summary>
    public IReadOnlyList<X509Certificate2> TrustedAuthorities { get; init; } = [];

    public bool InsecureSkipTlsVerify { get; init; }

    public string? TlsServerName { get; init; }

    public string? BearerToken { get; init; }

    /// <summary>Read the token from this file on every request, as client-go does for <c>tokenFile</c>.</summary>
    public string? BearerTokenFile { get; init; }

    public X509Certificate2? ClientCertificate { get; init; }

    public string? BasicAuth { get; init; }

    public string? ContextNamespace { get; init; }

    public string ContextName { get; init; } = "";
}
