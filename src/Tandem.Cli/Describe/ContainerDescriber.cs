using System.Globalization;
using Tandem.Model.CoreV1;

namespace Tandem.Cli.Describe;

/// <summary>
/// One container's block of <c>describe pod</c> (kubectl <c>describeContainers</c>): image and ports, command,
/// state and last state, readiness and restarts, resources, probes, environment and mounts.
/// </summary>
internal static class ContainerDescriber
{
    public static void Describe(DescribeWriter w, string label, IReadOnlyList<Container> containers, IReadOnlyList<ContainerStatus>? statuses, Pod pod)
    {
        w.Line(0, containers.Count == 0 ? $"{label}: <none>" : $"{label}:");
        foreach (var container in containers)
        {
            var status = statuses?.FirstOrDefault(s => s.Name == container.Name);
            w.Line(1, $"{container.Name}:");
            if (status is not null)
            {
                w.Line(2, $"Container ID:\t{status.ContainerID}");
            }
            w.Line(2, $"Image:\t{container.Image}");
            if (status is not null)
            {
                w.Line(2, $"Image ID:\t{status.ImageID}");
            }
            Ports(w, container.Ports ?? []);
            Command(w, "Command", container.Command);
            Command(w, "Args", container.Args);
            if (container.RestartPolicy is { } restartPolicy)
            {
                // A native sidecar (an init container with restartPolicy Always) says so, so it can be told from a plain init container.
                w.Line(2, $"Restart Policy:\t{restartPolicy}");
            }
            if (status is not null)
            {
                State(w, "State", status.State);
                if (status.LastState?.Terminated is not null)
                {
                    State(w, "Last State", status.LastState);
                }
                w.Line(2, $"Ready:\t{DescribeWriter.Bool(status.Ready)}");
                w.Line(2, $"Restart Count:\t{status.RestartCount.ToString(CultureInfo.InvariantCulture)}");
            }
            Resources(w, container.Resources);
            Probe(w, "Liveness", container.LivenessProbe);
            Probe(w, "Readiness", container.ReadinessProbe);
            Probe(w, "Startup", container.StartupProbe);
            EnvironmentDescriber.Describe(w, container, pod);
            Mounts(w, container.VolumeMounts ?? []);
        }
    }

    private static void Ports(DescribeWriter w, IReadOnlyList<ContainerPort> ports)
    {
        var container = string.Join(", ", ports.Select(p => $"{p.Number}/{p.Protocol}"));
        var host = string.Join(", ", ports.Select(p => $"{p.HostPort ?? 0}/{p.Protocol}"));
        w.Line(2, container.Contains(',') ? $"Ports:\t{container}" : $"Port:\t{NoneIfEmpty(container)}");
        w.Line(2, host.Contains(',') ? $"Host Ports:\t{host}" : $"Host Port:\t{NoneIfEmpty(host)}");
    }

    private static void Command(DescribeWriter w, string title, IReadOnlyList<string>? words)
    {
        if (words is not { Count: > 0 })
        {
            return;
        }
        w.Line(2, $"{title}:");
        foreach (var line in words.SelectMany(word => word.Split('\n')))
        {
            w.Line(3, line);
        }
    }

    private static void State(DescribeWriter w, string title, ContainerState? state)
    {
        if (state?.Running is { } running)
        {
            w.Line(2, $"{title}:\tRunning");
            w.Line(3, $"Started:\t{DescribeWriter.Time(running.StartedAt)}");
        }
        else if (state?.Terminated is { } terminated)
        {
            w.Line(2, $"{title}:\tTerminated");
            if (!string.IsNullOrEmpty(terminated.Reason))
            {
                w.Line(3, $"Reason:\t{terminated.Reason}");
            }
            if (!string.IsNullOrEmpty(terminated.Message))
            {
                w.Line(3, $"Message:\t{terminated.Message}");
            }
            w.Line(3, $"Exit Code:\t{terminated.ExitCode}");
            if (terminated.Signal is > 0)
            {
                w.Line(3, $"Signal:\t{terminated.Signal}");
            }
            w.Line(3, $"Started:\t{DescribeWriter.Time(terminated.StartedAt)}");
            w.Line(3, $"Finished:\t{DescribeWriter.Time(terminated.FinishedAt)}");
        }
        else
        {
            w.Line(2, $"{title}:\tWaiting");
            if (!string.IsNullOrEmpty(state?.Waiting?.Reason))
            {
                w.Line(3, $"Reason:\t{state.Waiting.Reason}");
            }
        }
    }

    public static void Resources(DescribeWriter w, ResourceRequirements? resources, int level = 2)
    {
        foreach (var (title, map) in new[] { ("Limits", resources?.Limits), ("Requests", resources?.Requests) })
        {
            if (map is not { Count: > 0 })
            {
                continue;
            }
            w.Line(level, $"{title}:");
            foreach (var (name, quantity) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.Line(level + 1, $"{name}:\t{quantity}");
            }
        }
    }

    private static void Probe(DescribeWriter w, string title, Probe? probe)
    {
        if (probe is not null)
        {
            w.Line(2, $"{title}:\t{ProbeText(probe)}");
        }
    }

    /// <summary>kubectl's DescribeProbe: the action, then <c>delay=… timeout=… period=… #success=… #failure=…</c>.</summary>
    public static string ProbeText(Probe probe)
    {
        var attributes = $"delay={probe.InitialDelaySeconds ?? 0}s timeout={probe.TimeoutSeconds ?? 1}s period={probe.PeriodSeconds ?? 10}s #success={probe.SuccessThreshold ?? 1} #failure={probe.FailureThreshold ?? 3}";
        if (probe.Exec is { } exec)
        {
            return $"exec [{string.Join(' ', exec.Command ?? [])}] {attributes}";
        }
        if (probe.HttpGet is { } http)
        {
            var host = http.Host ?? "";
            var port = http.Port?.ToString() ?? "";
            var authority = port.Length > 0 ? (host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}") : host;
            return $"http-get {(http.Scheme ?? "HTTP").ToLowerInvariant()}://{authority}{http.Path} {attributes}";
        }
        if (probe.TcpSocket is { } tcp)
        {
            return $"tcp-socket {tcp.Host}:{tcp.Port} {attributes}";
        }
        if (probe.Grpc is { } grpc)
        {
            return $"grpc <pod>:{grpc.Port} {grpc.Service} {attributes}";
        }
        return $"unknown {attributes}";
    }

    private static void Mounts(DescribeWriter w, IReadOnlyList<VolumeMount> mounts)
    {
        w.Line(2, mounts.Count == 0 ? "Mounts:\t<none>" : "Mounts:");
        foreach (var mount in mounts.OrderBy(m => m.MountPath, StringComparer.Ordinal))
        {
            var flags = mount.ReadOnly == true ? "ro" : "rw";
            if (!string.IsNullOrEmpty(mount.SubPath))
            {
                flags += $",path=\"{mount.SubPath}\"";
            }
            w.Line(3, $"{mount.MountPath} from {mount.Name} ({flags})");
        }
    }

    private static string NoneIfEmpty(string text) => text.Length == 0 ? "<none>" : text;
}
