using System.Text.Json.Serialization;

namespace Tandem.Model.CoreV1;

/// <summary>An address of the node the pod runs on.</summary>
public sealed record HostIp
{
    [JsonPropertyName("ip")]
    public string? Ip { get; init; }
}
