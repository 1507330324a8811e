namespace Tandem.Model.CoreV1;

/// <summary>A ConfigMap whose keys become environment variables.</summary>
public sealed record ConfigMapEnvSource
{
    public string? Name { get; init; }

    public bool? Optional { get; init; }
}
