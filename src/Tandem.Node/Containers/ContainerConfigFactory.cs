using System.Globalization;
using Tandem.Model.CoreV1;
using Tandem.Node.Volumes;
using Tandem.Runtime;
using RuntimeMount = Tandem.Runtime.Mount;

namespace Tandem.Node.Containers;

/// <summary>
/// The kubelet's <c>generateContainerConfig</c>: one spec container of a pod, resolved into what the runtime needs:
/// environment (<see cref="EnvironmentBuilder"/>), <c>$(VAR)</c>-expanded command and args, volume mounts (with
/// <c>subPath</c>/<c>subPathExpr</c> prepared safely), cgroup limits, user and privileges merged from the pod's and the
/// container's securityContext, and the log path. Throws <see cref="ContainerConfigError"/> for what the kubelet
/// reports as <c>CreateContainerConfigError</c>.
/// </summary>
public sealed class ContainerConfigFactory(EnvironmentBuilder environment, ISubPathMounter subPaths)
{
    public ContainerConfig Build(Pod pod, Container container, int attempt, PodVolumes volumes, string podDirectory, string logPath)
    {
        var env = environment.Build(pod, container);
        return new ContainerConfig
        {
            Name = container.Name!,
            Attempt = attempt,
            Image = container.Image!,
            Command = env.Expand(container.Command),
            Args = env.Expand(container.Args),
            WorkingDir = string.IsNullOrEmpty(container.WorkingDir) ? null : container.WorkingDir,
            Env = env.Variables,
            Mounts = Mounts(pod, container, env, volumes, podDirectory),
            LogPath = logPath,
            Stdin = container.Stdin ?? false,
            StdinOnce = container.StdinOnce ?? false,
            Tty = container.Tty ?? false,
            Resources = Resources(container.Resources),
            Security = Security(pod.Spec?.SecurityContext, container.SecurityContext),
            TerminationMessagePath = container.TerminationMessagePath ?? "/dev/termination-log",
            Labels = new Dictionary<string, string>
            {
                ["io.kubernetes.pod.name"] = pod.Metadata?.Name ?? "",
                ["io.kubernetes.pod.namespace"] = pod.Metadata?.Namespace ?? "default",
                ["io.kubernetes.pod.uid"] = pod.Metadata?.Uid ?? "",
                ["io.kubernetes.container.name"] = container.Name!,
            },
        };
    }

    private IReadOnlyList<RuntimeMount> Mounts(Pod pod, Container container, ContainerEnvironment env, PodVolumes volumes, string podDirectory)
    {
        var mounts = new List<RuntimeMount>();
        var index = 0;
        foreach (var mount in container.VolumeMounts ?? [])
        {
            var name = mount.Name ?? "";
            if (!volumes.HostPaths.TryGetValue(name, out var hostPath))
            {
                throw new ContainerConfigError($"volumeMount \"{name}\" of container \"{container.Name}\" names no volume of the pod; declare it under spec.volumes");
            }
            var subPath = mount.SubPath;
            if (!string.IsNullOrEmpty(mount.SubPathExpr))
            {
                // kubelet: subPathExpr expands $(VAR) from the container's environment only; the result must stay relative.
                subPath = VariableExpansion.Expand(mount.SubPathExpr, key => env[key]);
                if (Path.IsPathRooted(subPath) || subPath.Split('/').Contains(".."))
                {
                    throw new ContainerConfigError($"failed to prepare subPath for volumeMount \"{name}\" of container \"{container.Name}\": subPathExpr expanded to \"{subPath}\", which is not a relative path inside the volume");
                }
            }
            if (!string.IsNullOrEmpty(subPath))
            {
                var target = Path.Combine(podDirectory, "volume-subpaths", name, container.Name!, index.ToString(CultureInfo.InvariantCulture));
                try
                {
                    hostPath = subPaths.Prepare(hostPath, subPath, target);
                }
                catch (Exception e) when (e is RuntimeException or IOException or UnauthorizedAccessException)
                {
                    throw new ContainerConfigError($"failed to prepare subPath for volumeMount \"{name}\" of container \"{container.Name}\": {e.Message}");
                }
            }
            // Secret, ConfigMap, downwardAPI and projected volumes are always read-only for the container.
            var readOnly = (mount.ReadOnly ?? false) || IsProjected(pod, name);
            mounts.Add(new RuntimeMount(hostPath, mount.MountPath!, readOnly, Propagation(mount.MountPropagation)));
            index++;
        }
        return mounts;
    }

    private static bool IsProjected(Pod pod, string volume) =>
        (pod.Spec?.Volumes ?? []).FirstOrDefault(v => v.Name == volume) is { } v
        && (v.Secret is not null || v.ConfigMap is not null || v.DownwardAPI is not null || v.Projected is not null);

    private static string Propagation(string? mode) => mode switch
    {
        "HostToContainer" => "HostToContainer",
        "Bidirectional" => "Bidirectional",
        _ => "None",
    };

    private static ContainerResources Resources(ResourceRequirements? resources)
    {
        var limits = resources?.Limits;
        var requests = resources?.Requests;
        return new ContainerResources
        {
            CpuLimitMillis = Millis(limits, "cpu"),
            // The kubelet defaults a missing request to the limit (API defaulting) before computing shares.
            CpuRequestMillis = Millis(requests, "cpu") ?? Millis(limits, "cpu"),
            MemoryLimitBytes = limits is not null && limits.TryGetValue("memory", out var memory) ? (long)decimal.Ceiling(memory.Value) : null,
        };
    }

    private static long? Millis(IReadOnlyDictionary<string, Model.Primitives.Quantity>? values, string key) =>
        values is not null && values.TryGetValue(key, out var q) ? (long)decimal.Ceiling(q.Value * 1000) : null;

    // determineEffectiveSecurityContext: the container's fields win over the pod's.
    private static ContainerSecurity Security(PodSecurityContext? pod, SecurityContext? container)
    {
        var groups = new List<long>(pod?.SupplementalGroups ?? []);
        if (pod?.FsGroup is { } fsGroup && !groups.Contains(fsGroup))
        {
            groups.Add(fsGroup);
        }
        return new ContainerSecurity
        {
            RunAsUser = container?.RunAsUser ?? pod?.RunAsUser,
            RunAsGroup = container?.RunAsGroup ?? pod?.RunAsGroup,
            SupplementalGroups = groups,
            RunAsNonRoot = container?.RunAsNonRoot ?? pod?.RunAsNonRoot ?? false,
            Privileged = container?.Privileged ?? false,
            ReadOnlyRootFilesystem = container?.ReadOnlyRootFilesystem ?? false,
            AllowPrivilegeEscalation = container?.AllowPrivilegeEscalation ?? true,
            AddCapabilities = container?.Capabilities?.Add ?? [],
            DropCapabilities = container?.Capabilities?.Drop ?? [],
        };
    }
}
