using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tandem.Model.CoreV1;

/// <summary>One source of a projected volume.</summary>
public sealed record VolumeProjection
{
    public SecretProjection? Secret { get; init; }

    public ConfigMapProjection? ConfigMap { get; init; }

    [JsonPropertyName("downwardAPI")]
    public DownwardApiProjection? DownwardAPI { get; init; }

    public ServiceAccountTokenProjection? ServiceAccountToken { get; init; }

    public JsonObject? ClusterTrustBundle { get; init; }
}
