namespace Tandem.Model.CoreV1;

/// <summary>One resolver option.</summary>
public sealed record PodDnsConfigOption
{
    public string? Name { get; init; }

    public string? Value { get; init; }
}
