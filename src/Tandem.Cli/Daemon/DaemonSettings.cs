namespace Tandem.Cli.Daemon;

/// <summary>One <c>tandem up</c>: where the state lives, the port to serve on (0: any free one) and the kubeconfig to merge into.</summary>
public sealed record DaemonSettings
{
    public const int DefaultPort = 6443;

    public required DaemonLayout Layout { get; init; }

    public int Port { get; init; } = DefaultPort;

    /// <summary>The kubeconfig file to merge the <c>tandem</c> context into (already resolved).</summary>
    public required string Kubeconfig { get; init; }
}
