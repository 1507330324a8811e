using System.Text.Json.Serialization;

namespace Tandem.Model.CoreV1;

/// <summary>An address of the pod.</summary>
public sealed record PodIp
{
    [JsonPropertyName("ip")]
    public string? Ip { get; init; }
}
