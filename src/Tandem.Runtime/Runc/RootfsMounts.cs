using System.Runtime.InteropServices;

namespace Tandem.Runtime.Runc;

/// <summary>
/// The mounts the driver owns: a container's overlay (image cache below, per-container upper
/// above), the host's root bound read-only for host-filesystem containers, and the sandbox's
/// /dev/shm tmpfs. Made with mount(2) directly: one system call instead of a process each.
/// </summary>
internal static class RootfsMounts
{
    public static void MountOverlay(string lower, string upper, string work, string target)
    {
        Directory.CreateDirectory(upper);
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(target);
        Check(LinuxNative.mount("overlay", target, "overlay", 0, $"lowerdir={lower},upperdir={upper},workdir={work}"), $"overlay mount at {target}");
    }

    /// <summary>The host's root file system alone (no submounts: not /proc, not other containers), read-only.</summary>
    public static void MountHostRoot(string target)
    {
        Directory.CreateDirectory(target);
        Check(LinuxNative.mount("/", target, null, LinuxNative.MsBind, null), $"bind of / at {target}");
        Check(LinuxNative.mount(null, target, null, LinuxNative.MsRemount | LinuxNative.MsBind | LinuxNative.MsRdonly, null), $"read-only remount of {target}");
        Check(LinuxNative.mount(null, target, null, LinuxNative.MsPrivate, null), $"making {target} private");
    }

    /// <summary>
    /// A host-filesystem container's root: the host's root file system (alone, as above) as the lower layer of an
    /// overlay whose upper layer is a small tmpfs under <paramref name="scratch"/>. runc can then create the mount
    /// points of the container's volumes (in the tmpfs, never on the host) before it makes the root read-only. The
    /// upper layer must not be on the host's root file system: the kernel refuses an upper inside its own lower.
    /// </summary>
    public static void MountHostRootOverlay(string target, string scratch)
    {
        MountTmpfs(scratch, "mode=0755,size=4m");
        MountOverlay("/", Path.Combine(scratch, "upper"), Path.Combine(scratch, "work"), target);
    }

    public static void MountTmpfs(string target, string options)
    {
        Directory.CreateDirectory(target);
        Check(LinuxNative.mount("tmpfs", target, "tmpfs", LinuxNative.MsNosuid | LinuxNative.MsNodev, options), $"tmpfs at {target}");
    }

    /// <summary>Unmounts everything at or below a directory, deepest first; absent mounts are fine.</summary>
    public static void UnmountUnder(string directory)
    {
        var prefix = directory.TrimEnd('/');
        foreach (var target in MountPoints().Where(t => t == prefix || t.StartsWith(prefix + "/", StringComparison.Ordinal)).OrderByDescending(t => t.Length))
        {
            // A busy mount (a process still inside) is detached lazily rather than left behind.
            if (LinuxNative.umount2(target, 0) != 0 && LinuxNative.umount2(target, LinuxNative.MntDetach) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != LinuxNative.EINVAL && errno != LinuxNative.ENOENT)
                {
                    throw new RuntimeException(RuntimeErrorCode.Internal, $"cannot unmount {target}: {LinuxNative.ErrorText(errno)}");
                }
            }
        }
    }

    /// <summary>Mount points of this mount namespace (field 5 of /proc/self/mountinfo, octal escapes decoded).</summary>
    public static IEnumerable<string> MountPoints() =>
        File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 4)
            .Select(fields => Unescape(fields[4]))
            .ToList();

    private static string Unescape(string path) =>
        path.Contains('\\', StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(path, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString())
            : path;

    private static void Check(int rc, string what)
    {
        if (rc != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new RuntimeException(RuntimeErrorCode.Internal, $"{what} failed: {LinuxNative.ErrorText(errno)}");
        }
    }
}
