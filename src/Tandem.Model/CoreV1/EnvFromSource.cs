namespace Tandem.Model.CoreV1;

/// <summary>Every key of a ConfigMap or Secret as environment variables.</summary>
public sealed record EnvFromSource
{
    public string? Prefix { get; init; }

    public ConfigMapEnvSource? ConfigMapRef { get; init; }

    public SecretEnvSource? SecretRef { get; init; }
}
