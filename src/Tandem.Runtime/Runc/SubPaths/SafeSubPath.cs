using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Tandem.Runtime.Runc.SubPaths;

/// <summary>
/// Resolves and creates <c>subPath</c>s inside a volume without ever leaving it, against the symlink
/// escapes of CVE-2017-1002101 and the swap race of CVE-2021-25741: every lookup is one
/// <c>openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS)</c> relative to the volume's descriptor, so the
/// kernel refuses any resolution (by <c>..</c>, absolute or relative symlink, /proc magic link) that
/// would step outside, atomically with the lookup. Symlinks that stay inside the volume are followed,
/// as the kubelet allows (pkg/volume/util/subpath/subpath_linux.go).
/// </summary>
public static partial class SafeSubPath
{
    private const ulong OPath = 0x200000;
    private const ulong ODirectory = 0x10000;
    private const ulong OCloexec = 0x80000;
    private const ulong ResolveNoMagiclinks = 0x02;
    private const ulong ResolveBeneath = 0x08;
    private const int EEXIST = 17;
    private const int ENOTDIR = 20;

    /// <summary>Opens <paramref name="subPath"/> (file or directory) inside <paramref name="volumeRoot"/>; throws when it escapes or does not exist.</summary>
    public static SubPathHandle Open(string volumeRoot, string subPath)
    {
        var relative = Relative(subPath);
        using var root = OpenRoot(volumeRoot);
        if (relative.Length == 0)
        {
            return new SubPathHandle(OpenBeneath(root, ".", directory: true, subPath));
        }
        return new SubPathHandle(OpenBeneath(root, relative, directory: false, subPath));
    }

    /// <summary>
    /// Creates the directories of <paramref name="subPath"/> that do not exist yet, each with
    /// <paramref name="mode"/> (setgid, setuid and sticky bits included, as the kubelet's SafeMakeDir).
    /// </summary>
    public static void MakeDirectories(string volumeRoot, string subPath, UnixFileMode mode)
    {
        var parts = Relative(subPath).Split('/', StringSplitOptions.RemoveEmptyEntries);
        using var root = OpenRoot(volumeRoot);
        var parent = OpenBeneath(root, ".", directory: true, subPath);
        try
        {
            for (var i = 0; i < parts.Length; i++)
            {
                // Each prefix is resolved from the volume root, so a symlink to a sibling inside the volume works.
                var prefix = string.Join('/', parts[..(i + 1)]);
                var fd = TryOpenBeneath(root, prefix, directory: true, out var errno);
                if (fd is null && errno == LinuxNative.ENOENT)
                {
                    if (mkdirat(ToInt(parent), parts[i], (uint)mode) != 0)
                    {
                        var mkdirErrno = Marshal.GetLastPInvokeError();
                        throw mkdirErrno == EEXIST
                            ? Escape(subPath, $"{prefix} exists but is not a directory inside the volume (a dangling or outside symlink)")
                            : new RuntimeException(RuntimeErrorCode.Internal, $"cannot create {prefix} in volume {volumeRoot}: {LinuxNative.ErrorText(mkdirErrno)}");
                    }
                    fd = TryOpenBeneath(root, prefix, directory: true, out errno);
                    // mkdir drops the setgid/setuid/sticky bits and applies the umask; set the mode exactly,
                    // through the descriptor (an O_PATH descriptor is changed through its /proc link).
                    if (fd is not null && chmod($"/proc/self/fd/{ToInt(fd)}", (uint)mode) != 0)
                    {
                        fd.Dispose();
                        throw new RuntimeException(RuntimeErrorCode.Internal, $"cannot set the mode of {prefix} in volume {volumeRoot}");
                    }
                }
                if (fd is null)
                {
                    throw Failure(subPath, prefix, errno);
                }
                parent.Dispose();
                parent = fd;
            }
        }
        finally
        {
            parent.Dispose();
        }
    }

    private static string Relative(string subPath)
    {
        if (subPath.StartsWith('/'))
        {
            throw new RuntimeException(RuntimeErrorCode.InvalidArgument, $"subPath \"{subPath}\" must be a relative path");
        }
        return subPath.Trim('/');
    }

    private static SafeFileHandle OpenRoot(string volumeRoot)
    {
        var fd = LinuxNative.Openat2(-100, volumeRoot, new LinuxNative.OpenHow { Flags = OPath | ODirectory | OCloexec });
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new RuntimeException(RuntimeErrorCode.NotFound, $"volume directory {volumeRoot} cannot be opened: {LinuxNative.ErrorText(errno)}");
        }
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    private static SafeFileHandle OpenBeneath(SafeFileHandle root, string path, bool directory, string subPath) =>
        TryOpenBeneath(root, path, directory, out var errno) ?? throw Failure(subPath, path, errno);

    private static SafeFileHandle? TryOpenBeneath(SafeFileHandle root, string path, bool directory, out int errno)
    {
        var how = new LinuxNative.OpenHow
        {
            Flags = OPath | OCloexec | (directory ? ODirectory : 0),
            Resolve = ResolveBeneath | ResolveNoMagiclinks,
        };
        var fd = LinuxNative.Openat2(ToInt(root), path, how);
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    private static RuntimeException Failure(string subPath, string at, int errno) => errno switch
    {
        LinuxNative.EXDEV => Escape(subPath, $"{at} resolves outside the volume"),
        LinuxNative.ELOOP => Escape(subPath, $"{at} is a symlink loop or a /proc magic link"),
        ENOTDIR => new RuntimeException(RuntimeErrorCode.InvalidArgument, $"subPath \"{subPath}\": {at} is not a directory"),
        LinuxNative.ENOENT => new RuntimeException(RuntimeErrorCode.NotFound, $"subPath \"{subPath}\": {at} does not exist in the volume"),
        _ => new RuntimeException(RuntimeErrorCode.Internal, $"subPath \"{subPath}\": cannot open {at}: {LinuxNative.ErrorText(errno)}"),
    };

    private static RuntimeException Escape(string subPath, string why) =>
        new(RuntimeErrorCode.InvalidArgument, $"subPath \"{subPath}\" is refused: {why}; a subPath must stay inside its volume");

    private static int ToInt(SafeFileHandle handle) => (int)handle.DangerousGetHandle();

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkdirat(int dirfd, string path, uint mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int chmod(string path, uint mode);
}
