using Microsoft.Win32.SafeHandles;

namespace Tandem.Runtime.Runc.SubPaths;

/// <summary>
/// An open <c>O_PATH</c> descriptor of a resolved subPath. Bind-mount <see cref="ProcPath"/>
/// while this is open: the mount then refers to the object that was checked, whatever is renamed
/// or swapped in the volume afterwards (the kubelet's fix for CVE-2017-1002101).
/// </summary>
public sealed class SubPathHandle(SafeFileHandle handle) : IDisposable
{
    public SafeFileHandle Handle { get; } = handle;

    /// <summary><c>/proc/&lt;pid&gt;/fd/&lt;fd&gt;</c>: usable as a bind-mount source by this process and by the runc it starts.</summary>
    public string ProcPath => $"/proc/{LinuxNative.getpid()}/fd/{Handle.DangerousGetHandle()}";

    /// <summary>
    /// Bind-mounts the checked object at <paramref name="target"/> in this mount namespace (the
    /// kubelet's <c>volume-subpaths/&lt;container&gt;/&lt;n&gt;</c>), the stable path a container mount can
    /// use: runc cannot bind a descriptor of another process from inside the container's new mount
    /// namespace. The caller unmounts the target when the container is removed.
    /// </summary>
    public void BindTo(string target)
    {
        var isDirectory = Directory.Exists(ProcPath);
        if (isDirectory)
        {
            Directory.CreateDirectory(target);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, []);
        }
        if (LinuxNative.mount(ProcPath, target, null, LinuxNative.MsBind, null) != 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            throw new RuntimeException(RuntimeErrorCode.Internal, $"cannot bind the subPath at {target}: {LinuxNative.ErrorText(errno)}");
        }
    }

    public void Dispose() => Handle.Dispose();
}
