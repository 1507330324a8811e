using System.Globalization;
using System.Runtime.InteropServices;

namespace Tandem.Node.Volumes;

/// <summary>tmpfs through <c>mount(2)</c> and <c>umount2(2)</c>.</summary>
public sealed partial class LinuxTmpfsMounter : ITmpfsMounter
{
    private const int MountDetach = 2;
    private const int NotMounted = 22; // EINVAL: the target is not a mount point
    private const int NoSuchFile = 2;

    public void Mount(string directory, long? sizeBytes)
    {
        Directory.CreateDirectory(directory);
        var options = "mode=0777" + (sizeBytes is { } size ? string.Create(CultureInfo.InvariantCulture, $",size={size}") : "");
        if (MountNative("tmpfs", directory, "tmpfs", 0, options) != 0)
        {
            throw new IOException($"mounting a tmpfs at {directory} failed: {Marshal.GetLastPInvokeErrorMessage()} (emptyDir with medium: Memory needs root)");
        }
    }

    public void Unmount(string directory)
    {
        if (Umount2(directory, MountDetach) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is not (NotMounted or NoSuchFile))
            {
                throw new IOException($"unmounting {directory} failed: {Marshal.GetLastPInvokeErrorMessage()}");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "mount", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MountNative(string source, string target, string fileSystemType, ulong flags, string data);

    [LibraryImport("libc", EntryPoint = "umount2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Umount2(string target, int flags);
}
