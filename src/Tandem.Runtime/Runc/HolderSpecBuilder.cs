using System.Text.Json.Nodes;

namespace Tandem.Runtime.Runc;

/// <summary>
/// The OCI spec of a sandbox's holder: <c>sleep infinity</c> from the host's read-only root, in
/// new UTS (the pod's hostname), IPC and PID namespaces and the sandbox's network namespace. It
/// does nothing but keep those namespaces alive for the containers that join them by path.
/// </summary>
internal static class HolderSpecBuilder
{
    public const string SleepBinary = "/bin/sleep";

    public static JsonObject Build(SandboxRecord sandbox, string cgroupPath)
    {
        var sysctl = new JsonObject();
        foreach (var (name, value) in sandbox.Config.Sysctls)
        {
            sysctl[name] = value;
        }
        return new JsonObject
        {
            ["ociVersion"] = "1.0.2",
            ["process"] = new JsonObject
            {
                ["terminal"] = false,
                ["user"] = new JsonObject { ["uid"] = 0, ["gid"] = 0 },
                ["args"] = OciDefaults.Strings([SleepBinary, "infinity"]),
                ["env"] = OciDefaults.Strings([ContainerProcess.DefaultPath]),
                ["cwd"] = "/",
                ["noNewPrivileges"] = true,
            },
            ["root"] = new JsonObject { ["path"] = "rootfs", ["readonly"] = true },
            ["hostname"] = sandbox.Config.Hostname,
            ["mounts"] = new JsonArray(
                OciDefaults.Mount("/proc", "proc", "proc", ["nosuid", "noexec", "nodev"]),
                OciDefaults.Mount("/dev", "tmpfs", "tmpfs", ["nosuid", "strictatime", "mode=755", "size=65536k"])),
            ["linux"] = new JsonObject
            {
                ["namespaces"] = new JsonArray(
                    new JsonObject { ["type"] = "pid" },
                    new JsonObject { ["type"] = "network", ["path"] = $"/run/netns/{sandbox.NetnsName}" },
                    new JsonObject { ["type"] = "ipc" },
                    new JsonObject { ["type"] = "uts" },
                    new JsonObject { ["type"] = "mount" }),
                ["cgroupsPath"] = cgroupPath,
                ["sysctl"] = sysctl,
                ["resources"] = new JsonObject { ["devices"] = new JsonArray(new JsonObject { ["allow"] = false, ["access"] = "rwm" }) },
                ["maskedPaths"] = OciDefaults.Strings(OciDefaults.MaskedPaths),
                ["readonlyPaths"] = OciDefaults.Strings(OciDefaults.ReadonlyPaths),
            },
        };
    }
}
