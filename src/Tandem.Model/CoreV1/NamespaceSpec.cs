namespace Tandem.Model.CoreV1;

/// <summary>What a namespace needs before it can be removed.</summary>
public sealed record NamespaceSpec
{
    public IReadOnlyList<string>? Finalizers { get; init; }
}
