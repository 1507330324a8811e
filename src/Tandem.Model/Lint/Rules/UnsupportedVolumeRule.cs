using Tandem.Model.CoreV1;
using Tandem.Model.Validation;

namespace Tandem.Model.Lint.Rules;

/// <summary>Volume sources that need a cluster (storage classes, CSI drivers, cloud disks).</summary>
public sealed class UnsupportedVolumeRule : PodLintRule
{
    public static readonly LintRuleInfo Rule = new(
        "unsupported-volume",
        LintSeverity.Info,
        "A volume type that Tandem cannot provide on a single node.",
        "Tandem provides emptyDir, hostPath, configMap, secret, downwardAPI and projected volumes. "
        + "Persistent volume claims, network filesystems, CSI drivers and cloud disks need a cluster's "
        + "storage machinery, so a pod that mounts one cannot start on Tandem (it is still valid "
        + "Kubernetes and runs on a cluster).",
        "To run the pod locally, use a hostPath or emptyDir volume in its place, for example in a "
        + "local copy of the manifest.");

    private static readonly (string Name, Func<Volume, object?> Source)[] Unsupported =
    [
        ("persistentVolumeClaim", v => v.PersistentVolumeClaim), ("ephemeral", v => v.Ephemeral), ("image", v => v.Image),
        ("nfs", v => v.Nfs), ("iscsi", v => v.Iscsi), ("csi", v => v.Csi), ("gcePersistentDisk", v => v.GcePersistentDisk),
        ("awsElasticBlockStore", v => v.AwsElasticBlockStore), ("azureDisk", v => v.AzureDisk), ("azureFile", v => v.AzureFile),
        ("cephfs", v => v.Cephfs), ("cinder", v => v.Cinder), ("fc", v => v.Fc), ("flexVolume", v => v.FlexVolume),
        ("flocker", v => v.Flocker), ("gitRepo", v => v.GitRepo), ("glusterfs", v => v.Glusterfs),
        ("photonPersistentDisk", v => v.PhotonPersistentDisk), ("portworxVolume", v => v.PortworxVolume),
        ("quobyte", v => v.Quobyte), ("rbd", v => v.Rbd), ("scaleIO", v => v.ScaleIO), ("storageos", v => v.Storageos),
        ("vsphereVolume", v => v.VsphereVolume),
    ];

    public override LintRuleInfo Info => Rule;

    protected override IEnumerable<LintFinding> Check(LintedPod pod)
    {
        var volumes = pod.Spec.Volumes ?? [];
        for (var i = 0; i < volumes.Count; i++)
        {
            foreach (var (name, source) in Unsupported)
            {
                if (source(volumes[i]) is not null)
                {
                    yield return pod.FindingAtKey(Rule, FieldPath.Root("spec").Child("volumes").Index(i).Child(name),
                        $"volume \"{volumes[i].Name}\" is a {name} volume, which Tandem cannot provide on a single node");
                }
            }
        }
    }
}
