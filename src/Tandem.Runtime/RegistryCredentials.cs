namespace Tandem.Runtime;

/// <summary>Credentials for one registry (from imagePullSecrets or <c>~/.docker/config.json</c>).</summary>
public sealed record RegistryCredentials(string Username, string Password)
{
    public override string ToString() => $"{Username}:***";
}
