namespace Tandem.Cli.Api;

/// <summary>The kubeconfig is missing, unreadable or names something that is not there.</summary>
public sealed class KubeconfigException(string message) : Exception(message);
