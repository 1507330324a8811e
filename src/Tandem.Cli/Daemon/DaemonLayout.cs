namespace Tandem.Cli.Daemon;

/// <summary>
/// Where the daemon keeps its files in the state directory: the node (shared with <c>tandem run</c>, whose lock keeps the
/// two apart), the PKI and token that kubeconfigs refer to, the log, and the record of the running daemon.
/// </summary>
public sealed record DaemonLayout(string StateDirectory)
{
    /// <summary>The node's state (store, pods, logs); the same directory <c>tandem run</c> uses, so one node owns the runtime at a time.</summary>
    public string NodeDirectory => Path.Combine(StateDirectory, "node");

    public string PkiDirectory => Path.Combine(StateDirectory, "pki");

    public string CaCertificate => Path.Combine(PkiDirectory, "ca.crt");

    public string CaKey => Path.Combine(PkiDirectory, "ca.key");

    public string ServerCertificate => Path.Combine(PkiDirectory, "server.crt");

    public string ServerKey => Path.Combine(PkiDirectory, "server.key");

    public string TokenFile => Path.Combine(StateDirectory, "token");

    public string LogFile => Path.Combine(StateDirectory, "tandem.log");

    /// <summary>Written by the daemon once it serves, removed when it stops: who runs and where it listens.</summary>
    public string RecordFile => Path.Combine(StateDirectory, "daemon.json");
}
