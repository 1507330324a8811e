using System.Runtime.InteropServices;
namespace Tandem.Runtime.Runc;

/// <summary>
/// Named network namespaces in iproute2's layout, made with system calls instead of two <c>ip</c> processes: the
/// namespace is pinned by a bind mount under /run/netns, so it outlives every process in it, a restarted node finds it
/// by name, and <c>ip netns</c> lists and deletes it like its own. A short-lived thread unshares its network namespace,
/// pins it and brings loopback up inside it; the process itself never leaves the host's namespace.
/// </summary>
internal sealed class NetworkNamespaces
{
    private const string RunDirectory = "/run/netns";
    private static readonly Lock DirectoryGate = new();
    private static bool _directoryShared;

    public Task CreateAsync(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureSharedDirectory();
        var path = PathOf(name);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                // The thread ends right after: nothing else ever runs in the namespace it entered.
                Pin(path);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "tandem-netns-add",
        };
        thread.Start();
        return CleanUpOnFailureAsync(done.Task, path);
    }

    /// <summary>Deletes a namespace (detaches its pin and removes the file, as <c>ip netns delete</c>); one that is already gone is fine.</summary>
    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return Task.CompletedTask;
        }
        if (LinuxNative.umount2(path, LinuxNative.MntDetach) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != LinuxNative.EINVAL && errno != LinuxNative.ENOENT)
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, $"cannot delete network namespace {name}: {LinuxNative.ErrorText(errno)}");
        }
        File.Delete(path);
        return Task.CompletedTask;
    }

    private static string PathOf(string name) => Path.Combine(RunDirectory, name);

    private static async Task CleanUpOnFailureAsync(Task pinning, string path)
    {
        try
        {
            await pinning.ConfigureAwait(false);
        }
        catch
        {
            LinuxNative.umount2(path, LinuxNative.MntDetach);
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Runs on a thread of its own: a new network namespace for the thread, bound to <paramref name="path"/>, loopback up.</summary>
    private static void Pin(string path)
    {
        try
        {
            // CreateNew: a name in use is an error, as for ip netns add.
            using (new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
            }
        }
        catch (IOException e)
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, $"cannot create network namespace file {path}: {e.Message}");
        }
        Check(LinuxNative.unshare(LinuxNative.CloneNewNet), "unshare(CLONE_NEWNET)");
        Check(LinuxNative.mount("/proc/thread-self/ns/net", path, "none", LinuxNative.MsBind, null), $"bind of the new network namespace at {path}");
        Check(LinuxNative.SetLoopbackUp(), "bringing loopback up");
    }

    /// <summary>
    /// iproute2's rule for /run/netns: a shared mount point (bound onto itself first if it is not a mount point), so a
    /// pin's removal propagates to every mount namespace that copied it and the namespace is really freed.
    /// </summary>
    private static void EnsureSharedDirectory()
    {
        lock (DirectoryGate)
        {
            if (_directoryShared)
            {
                return;
            }
            Directory.CreateDirectory(RunDirectory);
            if (LinuxNative.mount("", RunDirectory, "none", LinuxNative.MsShared | LinuxNative.MsRec, null) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != LinuxNative.EINVAL)
                {
                    throw new RuntimeException(RuntimeErrorCode.Internal, $"cannot make {RunDirectory} a shared mount: {LinuxNative.ErrorText(errno)}");
                }
                Check(LinuxNative.mount(RunDirectory, RunDirectory, "none", LinuxNative.MsBind | LinuxNative.MsRec, null), $"bind of {RunDirectory} onto itself");
                Check(LinuxNative.mount("", RunDirectory, "none", LinuxNative.MsShared | LinuxNative.MsRec, null), $"making {RunDirectory} shared");
            }
            _directoryShared = true;
        }
    }

    private static void Check(int rc, string what)
    {
        if (rc != 0)
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, $"{what} failed: {LinuxNative.ErrorText(Marshal.GetLastPInvokeError())}");
        }
    }
}
