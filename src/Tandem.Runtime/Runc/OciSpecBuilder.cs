using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Runtime.Runc;

/// <summary>Generates a container's OCI <c>config.json</c>: process, mounts, the sandbox's namespaces joined by path, cgroup limits.</summary>
internal static class OciSpecBuilder
{
    public static JsonObject Build(ContainerSpecInput input)
    {
        var config = input.Config;
        var security = config.Security;
        var cwd = config.WorkingDir ?? input.Image.WorkingDir ?? "/";
        // CVE-2024-21626: a working directory through a leaked fd escapes the container.
        if (cwd.StartsWith("/proc/self/fd", StringComparison.Ordinal) || !cwd.StartsWith('/'))
        {
            throw new RuntimeException(RuntimeErrorCode.InvalidArgument, $"container \"{config.Name}\": workingDir \"{cwd}\" must be an absolute path outside /proc/self/fd");
        }
        var args = ContainerProcess.Args(config, input.Image);
        if (args.Count == 0)
        {
            throw new RuntimeException(RuntimeErrorCode.InvalidArgument,
                $"container \"{config.Name}\": no command given and the image \"{config.Image}\" has no entrypoint or cmd; set command");
        }
        var caps = Capabilities(security);
        var process = new JsonObject
        {
            ["terminal"] = config.Tty,
            ["user"] = new JsonObject
            {
                ["uid"] = input.User.Uid,
                ["gid"] = input.User.Gid,
                ["additionalGids"] = new JsonArray([.. input.User.Groups.Select(g => (JsonNode)g)]),
            },
            ["args"] = OciDefaults.Strings(args),
            ["env"] = OciDefaults.Strings(ContainerProcess.Env(config, input.Image, input.Sandbox.Config.Hostname)),
            ["cwd"] = cwd,
            ["capabilities"] = new JsonObject
            {
                ["bounding"] = OciDefaults.Strings(caps),
                ["effective"] = OciDefaults.Strings(caps),
                ["permitted"] = OciDefaults.Strings(caps),
            },
            ["noNewPrivileges"] = !security.AllowPrivilegeEscalation,
        };
        var linux = new JsonObject
        {
            ["namespaces"] = Namespaces(input),
            ["cgroupsPath"] = input.CgroupPath,
            ["resources"] = Resources(config.Resources, security.Privileged),
        };
        if (!security.Privileged)
        {
            linux["maskedPaths"] = OciDefaults.Strings(OciDefaults.MaskedPaths);
            linux["readonlyPaths"] = OciDefaults.Strings(OciDefaults.ReadonlyPaths);
        }
        return new JsonObject
        {
            ["ociVersion"] = "1.0.2",
            ["process"] = process,
            ["root"] = new JsonObject { ["path"] = "rootfs", ["readonly"] = security.ReadOnlyRootFilesystem || input.HostFilesystem },
            ["mounts"] = Mounts(input),
            ["linux"] = linux,
        };
    }

    private static List<string> Capabilities(ContainerSecurity security)
    {
        if (security.Privileged)
        {
            return [.. AllCapabilities()];
        }
        static string Cap(string name) => name.StartsWith("CAP_", StringComparison.Ordinal) ? name : "CAP_" + name.ToUpperInvariant();
        var drop = security.DropCapabilities.Select(Cap).ToHashSet();
        var caps = drop.Contains("CAP_ALL") ? [] : OciDefaults.Capabilities.Where(c => !drop.Contains(c)).ToList();
        caps.AddRange(security.AddCapabilities.Select(Cap).Where(c => c != "CAP_ALL" && !caps.Contains(c)));
        if (security.AddCapabilities.Any(c => Cap(c) == "CAP_ALL"))
        {
            return [.. AllCapabilities()];
        }
        return caps;
    }

    private static IEnumerable<string> AllCapabilities()
    {
        var last = int.Parse(File.ReadAllText("/proc/sys/kernel/cap_last_cap").Trim(), CultureInfo.InvariantCulture);
        string[] names =
        [
            "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP", "LINUX_IMMUTABLE",
            "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO",
            "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME",
            "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN",
            "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE",
        ];
        return names.Take(Math.Min(last + 1, names.Length)).Select(n => "CAP_" + n);
    }

    private static JsonArray Namespaces(ContainerSpecInput input)
    {
        var holder = input.Sandbox.HolderPid;
        var shared = input.Sandbox.Config.ShareProcessNamespace;
        // A holder-less sandbox's namespaces are bind-mounted under its directory (NamespacePins).
        string Of(string type) => input.Sandbox.PinnedNamespaces ? Path.Combine(input.SandboxDirectory, "ns", type) : $"/proc/{holder}/ns/{type}";
        return
        [
            shared ? Join("pid", Of("pid")) : new JsonObject { ["type"] = "pid" },
            Join("network", $"/run/netns/{input.Sandbox.NetnsName}"),
            Join("ipc", Of("ipc")),
            Join("uts", Of("uts")),
            new JsonObject { ["type"] = "mount" },
        ];
        static JsonObject Join(string type, string path) => new() { ["type"] = type, ["path"] = path };
    }

    private static JsonArray Mounts(ContainerSpecInput input)
    {
        var mounts = OciDefaults.Mounts();
        mounts.Add(Bind(Path.Combine(input.SandboxDirectory, "shm"), "/dev/shm", readOnly: false, "rprivate"));
        var userTargets = input.Config.Mounts.Select(m => m.ContainerPath).ToHashSet(StringComparer.Ordinal);
        // The pod's name service files, unless the pod mounts its own there (the kubelet's rule).
        foreach (var (file, target) in new[] { ("hosts", "/etc/hosts"), ("hostname", "/etc/hostname"), ("resolv.conf", "/etc/resolv.conf") })
        {
            if (!userTargets.Contains(target) && (!input.HostFilesystem || File.Exists(target)))
            {
                mounts.Add(Bind(Path.Combine(input.SandboxDirectory, file), target, readOnly: false, "rprivate"));
            }
        }
        if (input.Config.TerminationMessagePath is { Length: > 0 } messagePath && !userTargets.Contains(messagePath))
        {
            mounts.Add(Bind(input.TerminationLogFile, messagePath, readOnly: false, "rprivate"));
        }
        foreach (var mount in input.Config.Mounts)
        {
            var propagation = mount.Propagation switch
            {
                "HostToContainer" => "rslave",
                "Bidirectional" => "rshared",
                _ => "rprivate",
            };
            mounts.Add(Bind(mount.HostPath, mount.ContainerPath, mount.ReadOnly, propagation));
        }
        return mounts;
    }

    private static JsonObject Bind(string source, string destination, bool readOnly, string propagation) =>
        OciDefaults.Mount(destination, "bind", source, ["rbind", readOnly ? "ro" : "rw", propagation]);

    private static JsonObject Resources(ContainerResources resources, bool privileged)
    {
        var result = new JsonObject
        {
            ["devices"] = new JsonArray(new JsonObject { ["allow"] = privileged, ["access"] = "rwm" }),
        };
        if (resources.MemoryLimitBytes is { } memory)
        {
            result["memory"] = new JsonObject { ["limit"] = memory };
        }
        var cpu = new JsonObject();
        if (resources.CpuLimitMillis is { } limit)
        {
            // The kubelet's conversion: quota = millicores * period / 1000, period 100 ms.
            cpu["period"] = 100_000;
            cpu["quota"] = Math.Max(1_000, limit * 100);
        }
        if (resources.CpuRequestMillis is { } request)
        {
            cpu["shares"] = Math.Max(2, request * 1024 / 1000);
        }
        if (cpu.Count > 0)
        {
            result["cpu"] = cpu;
        }
        if (resources.PidsLimit is { } pids)
        {
            result["pids"] = new JsonObject { ["limit"] = pids };
        }
        return result;
    }
}
