namespace Tandem.Model.CoreV1;

/// <summary>A Secret whose keys become environment variables.</summary>
public sealed record SecretEnvSource
{
    public string? Name { get; init; }

    public bool? Optional { get; init; }
}
