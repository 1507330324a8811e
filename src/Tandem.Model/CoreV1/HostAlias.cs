using System.Text.Json.Serialization;

namespace Tandem.Model.CoreV1;

/// <summary>An extra line for the pod's /etc/hosts.</summary>
public sealed record HostAlias
{
    [JsonPropertyName("ip")]
    public string? Ip { get; init; }

    public IReadOnlyList<string>? Hostnames { get; init; }
}
