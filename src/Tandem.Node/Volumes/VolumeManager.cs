using Tandem.Model.CoreV1;

namespace Tandem.Node.Volumes;

/// <summary>
/// Prepares a pod's volumes under its directory, the kubelet's layout
/// (<c>&lt;podDir&gt;/volumes/kubernetes.io~&lt;plugin&gt;/&lt;name&gt;</c>), refreshes the
/// projected ones when their objects change, and removes everything when the pod is gone.
/// Volumes that need a cluster (persistentVolumeClaim, nfs, csi, ...) fail with a clear message.
/// </summary>
public sealed class VolumeManager(VolumePayloads payloads, ITmpfsMounter tmpfs, TimeProvider time)
{
    public PodVolumes SetUp(Pod pod, string podDirectory)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in pod.Spec?.Volumes ?? [])
        {
            var name = volume.Name ?? "";
            paths[name] = volume switch
            {
                { EmptyDir: { } emptyDir } => EmptyDir(podDirectory, name, emptyDir),
                { HostPath: { } hostPath } => HostPath(name, hostPath),
                { ConfigMap: { } configMap } => Write(podDirectory, "configmap", name, payloads.ForConfigMap(pod, name, configMap)),
                { Secret: { } secret } => Write(podDirectory, "secret", name, payloads.ForSecret(pod, name, secret)),
                { DownwardAPI: { } downward } => Write(podDirectory, "downward-api", name, payloads.ForDownwardApi(pod, name, downward)),
                { Projected: { } projected } => Write(podDirectory, "projected", name, payloads.ForProjected(pod, name, projected)),
                _ => throw new VolumeSetupError(name, "this volume type needs a Kubernetes cluster; on Tandem use emptyDir, hostPath, configMap, secret, downwardAPI or projected"),
            };
        }
        return new PodVolumes(paths);
    }

    /// <summary>
    /// The paths <see cref="SetUp"/> gave a pod's volumes, without touching them: for a pod re-adopted after a node
    /// restart, whose containers already use them.
    /// </summary>
    public static PodVolumes Locate(Pod pod, string podDirectory)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in pod.Spec?.Volumes ?? [])
        {
            var name = volume.Name ?? "";
            var plugin = volume switch
            {
                { EmptyDir: not null } => "empty-dir",
                { ConfigMap: not null } => "configmap",
                { Secret: not null } => "secret",
                { DownwardAPI: not null } => "downward-api",
                { Projected: not null } => "projected",
                _ => null,
            };
            if (volume.HostPath is { } hostPath)
            {
                paths[name] = hostPath.Path ?? "";
            }
            else if (plugin is not null)
            {
                paths[name] = VolumeDirectory(podDirectory, plugin, name);
            }
        }
        return new PodVolumes(paths);
    }

    /// <summary>
    /// Rewrites the projected volumes (configMap, secret, downwardAPI, projected) whose content
    /// changed, atomically, as the kubelet does on its periodic sync; returns the names updated.
    /// </summary>
    public IReadOnlyList<string> Refresh(Pod pod, string podDirectory)
    {
        var updated = new List<string>();
        foreach (var volume in pod.Spec?.Volumes ?? [])
        {
            var name = volume.Name ?? "";
            var changed = volume switch
            {
                { ConfigMap: { } configMap } => Writer(podDirectory, "configmap", name).Write(payloads.ForConfigMap(pod, name, configMap)),
                { Secret: { } secret } => Writer(podDirectory, "secret", name).Write(payloads.ForSecret(pod, name, secret)),
                { DownwardAPI: { } downward } => Writer(podDirectory, "downward-api", name).Write(payloads.ForDownwardApi(pod, name, downward)),
                { Projected: { } projected } => Writer(podDirectory, "projected", name).Write(payloads.ForProjected(pod, name, projected)),
                _ => false,
            };
            if (changed)
            {
                updated.Add(name);
            }
        }
        return updated;
    }

    /// <summary>Unmounts memory-backed emptyDirs and removes the pod's volume directories. Idempotent.</summary>
    public void TearDown(string podDirectory)
    {
        var emptyDirs = Path.Combine(podDirectory, "volumes", "kubernetes.io~empty-dir");
        if (Directory.Exists(emptyDirs))
        {
            foreach (var directory in Directory.EnumerateDirectories(emptyDirs))
            {
                tmpfs.Unmount(directory);
            }
        }
        var volumes = Path.Combine(podDirectory, "volumes");
        if (Directory.Exists(volumes))
        {
            Directory.Delete(volumes, recursive: true);
        }
    }

    private string EmptyDir(string podDirectory, string name, EmptyDirVolumeSource source)
    {
        var directory = VolumeDirectory(podDirectory, "empty-dir", name);
        if (source.Medium == "Memory")
        {
            tmpfs.Mount(directory, source.SizeLimit is { IsZero: false } limit ? (long)limit.Value : null);
        }
        else if (!string.IsNullOrEmpty(source.Medium))
        {
            throw new VolumeSetupError(name, $"emptyDir medium {source.Medium} is not supported on Tandem; use \"\" (disk) or Memory");
        }
        Directory.CreateDirectory(directory);
        // Every container, whatever its user, may write an emptyDir (the kubelet makes it 0777).
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        return directory;
    }

    private static string HostPath(string name, HostPathVolumeSource source)
    {
        var path = source.Path ?? "";
        HostPathCheck.Apply(name, path, source.Type);
        return path;
    }

    private string Write(string podDirectory, string plugin, string name, IReadOnlyDictionary<string, Tandem.Node.Volumes.FileProjection> payload)
    {
        Writer(podDirectory, plugin, name).Write(payload);
        return VolumeDirectory(podDirectory, plugin, name);
    }

    private AtomicWriter Writer(string podDirectory, string plugin, string name) => new(VolumeDirectory(podDirectory, plugin, name), time);

    private static string VolumeDirectory(string podDirectory, string plugin, string name) =>
        Path.Combine(podDirectory, "volumes", $"kubernetes.io~{plugin}", name);
}
