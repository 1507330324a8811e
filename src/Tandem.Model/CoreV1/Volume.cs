using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tandem.Model.CoreV1;

/// <summary>A named volume of a pod, with exactly one source.</summary>
public sealed record Volume
{
    public string? Name { get; init; }

    public HostPathVolumeSource? HostPath { get; init; }

    public EmptyDirVolumeSource? EmptyDir { get; init; }

    public SecretVolumeSource? Secret { get; init; }

    public ConfigMapVolumeSource? ConfigMap { get; init; }

    [JsonPropertyName("downwardAPI")]
    public DownwardApiVolumeSource? DownwardAPI { get; init; }

    public ProjectedVolumeSource? Projected { get; init; }

    public PersistentVolumeClaimVolumeSource? PersistentVolumeClaim { get; init; }

    public ImageVolumeSource? Image { get; init; }

    public JsonObject? Ephemeral { get; init; }

    [JsonPropertyName("nfs")]
    public JsonObject? Nfs { get; init; }

    [JsonPropertyName("iscsi")]
    public JsonObject? Iscsi { get; init; }

    [JsonPropertyName("csi")]
    public JsonObject? Csi { get; init; }

    public JsonObject? GcePersistentDisk { get; init; }

    public JsonObject? AwsElasticBlockStore { get; init; }

    public JsonObject? AzureDisk { get; init; }

    public JsonObject? AzureFile { get; init; }

    [JsonPropertyName("cephfs")]
    public JsonObject? Cephfs { get; init; }

    [JsonPropertyName("cinder")]
    public JsonObject? Cinder { get; init; }

    [JsonPropertyName("fc")]
    public JsonObject? Fc { get; init; }

    public JsonObject? FlexVolume { get; init; }

    [JsonPropertyName("flocker")]
    public JsonObject? Flocker { get; init; }

    public JsonObject? GitRepo { get; init; }

    [JsonPropertyName("glusterfs")]
    public JsonObject? Glusterfs { get; init; }

    public JsonObject? PhotonPersistentDisk { get; init; }

    public JsonObject? PortworxVolume { get; init; }

    [JsonPropertyName("quobyte")]
    public JsonObject? Quobyte { get; init; }

    [JsonPropertyName("rbd")]
    public JsonObject? Rbd { get; init; }

    [JsonPropertyName("scaleIO")]
    public JsonObject? ScaleIO { get; init; }

    [JsonPropertyName("storageos")]
    public JsonObject? Storageos { get; init; }

    public JsonObject? VsphereVolume { get; init; }
}
