namespace Tandem.Model.CoreV1;

/// <summary>Extra DNS settings for the pod's resolv.conf.</summary>
public sealed record PodDnsConfig
{
    public IReadOnlyList<string>? Nameservers { get; init; }

    public IReadOnlyList<string>? Searches { get; init; }

    public IReadOnlyList<PodDnsConfigOption>? Options { get; init; }
}
