namespace Tandem.Model.CoreV1;

/// <summary>The operating system a pod's containers need.</summary>
public sealed record PodOS
{
    public string? Name { get; init; }
}
