namespace Tandem.Model.CoreV1;

/// <summary>Linux capabilities to add to or drop from a container.</summary>
public sealed record Capabilities
{
    public IReadOnlyList<string>? Add { get; init; }

    public IReadOnlyList<string>? Drop { get; init; }
}
