using Tandem.Model.CoreV1;

namespace Tandem.Cli.Describe;

/// <summary>The <c>Volumes:</c> section of <c>describe pod</c>, one block per volume with kubectl's type descriptions.</summary>
internal static class VolumeDescriber
{
    public static void Describe(DescribeWriter w, IReadOnlyList<Volume> volumes)
    {
        if (volumes.Count == 0)
        {
            w.Line(0, "Volumes:\t<none>");
            return;
        }
        w.Line(0, "Volumes:");
        foreach (var volume in volumes)
        {
            w.Line(1, $"{volume.Name}:");
            if (volume.HostPath is { } hostPath)
            {
                w.Line(2, "Type:\tHostPath (bare host directory volume)");
                w.Line(2, $"Path:\t{hostPath.Path}");
                w.Line(2, $"HostPathType:\t{(string.IsNullOrEmpty(hostPath.Type) ? "<none>" : hostPath.Type)}");
            }
            else if (volume.EmptyDir is { } emptyDir)
            {
                w.Line(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)");
                w.Line(2, $"Medium:\t{emptyDir.Medium}");
                w.Line(2, $"SizeLimit:\t{(emptyDir.SizeLimit is { IsZero: false } limit ? limit.ToString() : "<unset>")}");
            }
            else if (volume.Secret is { } secret)
            {
                w.Line(2, "Type:\tSecret (a volume populated by a Secret)");
                w.Line(2, $"SecretName:\t{secret.SecretName}");
                w.Line(2, $"Optional:\t{Bool(secret.Optional)}");
            }
            else if (volume.ConfigMap is { } configMap)
            {
                w.Line(2, "Type:\tConfigMap (a volume populated by a ConfigMap)");
                w.Line(2, $"Name:\t{configMap.Name}");
                w.Line(2, $"Optional:\t{Bool(configMap.Optional)}");
            }
            else if (volume.PersistentVolumeClaim is { } claim)
            {
                w.Line(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)");
                w.Line(2, $"ClaimName:\t{claim.ClaimName}");
                w.Line(2, $"ReadOnly:\t{Bool(claim.ReadOnly)}");
            }
            else if (volume.DownwardAPI is { } downward)
            {
                w.Line(2, "Type:\tDownwardAPI (a volume populated by information about the pod)");
                w.Line(2, "Items:");
                foreach (var item in downward.Items ?? [])
                {
                    w.Line(3, $"{item.FieldRef?.FieldPath ?? item.ResourceFieldRef?.Resource} -> {item.Path}");
                }
            }
            else if (volume.Projected is { } projected)
            {
                Projected(w, projected);
            }
            else if (volume.Image is { } image)
            {
                w.Line(2, "Type:\tImage (a container image or OCI artifact)");
                w.Line(2, $"Reference:\t{image.Reference}");
                w.Line(2, $"PullPolicy:\t{image.PullPolicy}");
            }
            else
            {
                w.Line(1, "<unknown>");
            }
        }
    }

    private static void Projected(DescribeWriter w, ProjectedVolumeSource projected)
    {
        w.Line(2, "Type:\tProjected (a volume that contains injected data from multiple sources)");
        foreach (var source in projected.Sources ?? [])
        {
            if (source.Secret is { } secret)
            {
                w.Line(2, $"SecretName:\t{secret.Name}");
                w.Line(2, $"Optional:\t{Bool(secret.Optional)}");
            }
            else if (source.DownwardAPI is not null)
            {
                w.Line(2, "DownwardAPI:\ttrue");
            }
            else if (source.ConfigMap is { } configMap)
            {
                w.Line(2, $"ConfigMapName:\t{configMap.Name}");
                w.Line(2, $"Optional:\t{Bool(configMap.Optional)}");
            }
            else if (source.ServiceAccountToken is { } token)
            {
                w.Line(2, $"TokenExpirationSeconds:\t{token.ExpirationSeconds ?? 3607}");
            }
        }
    }

    private static string Bool(bool? value) => value == true ? "true" : "false";
}
