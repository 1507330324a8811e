namespace Tandem.Model.CoreV1;

/// <summary>A namespaced kernel parameter set for the pod.</summary>
public sealed record Sysctl
{
    public string? Name { get; init; }

    public string? Value { get; init; }
}
