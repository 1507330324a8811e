namespace Tandem.Cli.Daemon;

/// <summary>What <c>tandem up</c> puts in a kubeconfig: one cluster, user and context, all named <see cref="Name"/>.</summary>
public sealed record KubeconfigEntry(string Server, string CaPem, string Token)
{
    public const string Name = "tandem";

    public const string Namespace = "default";
}
