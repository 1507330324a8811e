using Tandem.Model.CoreV1;

namespace Tandem.Model.Defaulting;

/// <summary>Defaults of pod volumes (SetDefaults_Volume and the per-source defaults).</summary>
internal static class VolumeDefaults
{
    public static Volume Apply(Volume volume)
    {
        if (!HasAnySource(volume))
        {
            // A volume with no source is an emptyDir.
            return volume with { EmptyDir = new EmptyDirVolumeSource() };
        }
        return volume with
        {
            Secret = volume.Secret is null ? null : volume.Secret with { DefaultMode = volume.Secret.DefaultMode ?? PodDefaults.DefaultVolumeFileMode },
            ConfigMap = volume.ConfigMap is null ? null : volume.ConfigMap with { DefaultMode = volume.ConfigMap.DefaultMode ?? PodDefaults.DefaultVolumeFileMode },
            DownwardAPI = volume.DownwardAPI is null ? null : volume.DownwardAPI with
            {
                DefaultMode = volume.DownwardAPI.DefaultMode ?? PodDefaults.DefaultVolumeFileMode,
                Items = volume.DownwardAPI.Items?.Select(DownwardFile).ToList(),
            },
            Projected = volume.Projected is null ? null : volume.Projected with
            {
                DefaultMode = volume.Projected.DefaultMode ?? PodDefaults.DefaultVolumeFileMode,
                Sources = volume.Projected.Sources?.Select(Projection).ToList(),
            },
            HostPath = volume.HostPath is null ? null : volume.HostPath with { Type = volume.HostPath.Type ?? "" },
        };
    }

    private static VolumeProjection Projection(VolumeProjection projection) => projection with
    {
        DownwardAPI = projection.DownwardAPI is null ? null : projection.DownwardAPI with { Items = projection.DownwardAPI.Items?.Select(DownwardFile).ToList() },
        ServiceAccountToken = projection.ServiceAccountToken is null ? null
            : projection.ServiceAccountToken with { ExpirationSeconds = projection.ServiceAccountToken.ExpirationSeconds ?? 3600 },
    };

    private static DownwardApiVolumeFile DownwardFile(DownwardApiVolumeFile file) =>
        file.FieldRef is { ApiVersion: null } fieldRef ? file with { FieldRef = fieldRef with { ApiVersion = "v1" } } : file;

    private static bool HasAnySource(Volume volume) =>
        volume.HostPath is not null || volume.EmptyDir is not null || volume.Secret is not null || volume.ConfigMap is not null
        || volume.DownwardAPI is not null || volume.Projected is not null || volume.PersistentVolumeClaim is not null
        || volume.Image is not null || volume.Ephemeral is not null || volume.Nfs is not null || volume.Iscsi is not null
        || volume.Csi is not null || volume.GcePersistentDisk is not null || volume.AwsElasticBlockStore is not null
        || volume.AzureDisk is not null || volume.AzureFile is not null || volume.Cephfs is not null || volume.Cinder is not null
        || volume.Fc is not null || volume.FlexVolume is not null || volume.Flocker is not null || volume.GitRepo is not null
        || volume.Glusterfs is not null || volume.PhotonPersistentDisk is not null || volume.PortworxVolume is not null
        || volume.Quobyte is not null || volume.Rbd is not null || volume.ScaleIO is not null || volume.Storageos is not null
        || volume.VsphereVolume is not null;
}
