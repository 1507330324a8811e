using System.Runtime.InteropServices;

namespace Tandem.Runtime.Runc;

/// <summary>
/// A pod's UTS namespace (with its hostname) and IPC namespace, made by a short-lived thread and pinned by bind
/// mounts of their nsfs files, so no process has to live just to hold them: CRI-O's pinned namespaces instead of an
/// infra container. Containers join the pins by path; removing the pins (unmounting them) frees the namespaces
/// once the last container is gone. A pod that shares one PID namespace still needs a holder as its PID 1.
/// </summary>
internal static class NamespacePins
{
    /// <summary>Pins a new UTS namespace whose hostname is <paramref name="hostname"/> at <paramref name="utsPath"/> and a new IPC namespace at <paramref name="ipcPath"/>.</summary>
    public static Task CreateAsync(string utsPath, string ipcPath, string hostname)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                // The thread ends right after: nothing else ever runs in the namespaces it entered.
                Pin(utsPath, ipcPath, hostname);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "tandem-ns-pins",
        };
        thread.Start();
        return done.Task;
    }

    private static void Pin(string utsPath, string ipcPath, string hostname)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(utsPath)!);
        Directory.CreateDirectory(Path.GetDirectoryName(ipcPath)!);
        File.WriteAllBytes(utsPath, []);
        File.WriteAllBytes(ipcPath, []);
        Check(LinuxNative.unshare(LinuxNative.CloneNewUts | LinuxNative.CloneNewIpc), "unshare(CLONE_NEWUTS|CLONE_NEWIPC)");
        Check(LinuxNative.SetHostname(hostname), $"setting the hostname \"{hostname}\"");
        Check(LinuxNative.mount("/proc/thread-self/ns/uts", utsPath, "none", LinuxNative.MsBind, null), $"bind of the pod's UTS namespace at {utsPath}");
        Check(LinuxNative.mount("/proc/thread-self/ns/ipc", ipcPath, "none", LinuxNative.MsBind, null), $"bind of the pod's IPC namespace at {ipcPath}");
    }

    private static void Check(int rc, string what)
    {
        if (rc != 0)
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, $"{what} failed: {LinuxNative.ErrorText(Marshal.GetLastPInvokeError())}");
        }
    }
}
