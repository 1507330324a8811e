using System.Runtime.InteropServices;

namespace Tandem.Runtime.Runc;

/// <summary>
/// The few Linux system calls the driver makes itself because no tool does them better:
/// mounts (no process per mount), pidfds (exit detection without polling /proc), openat2
/// (subPath resolution that cannot be raced) and network namespaces (no <c>ip</c> process per pod).
/// </summary>
internal static partial class LinuxNative
{
    public const int EINTR = 4;
    public const int ENOENT = 2;
    public const int ECHILD = 10;
    public const int EINVAL = 22;
    public const int ESRCH = 3;
    public const int EXDEV = 18;
    public const int ELOOP = 40;

    public const ulong MsRdonly = 1;
    public const ulong MsNosuid = 2;
    public const ulong MsNodev = 4;
    public const ulong MsRemount = 32;
    public const ulong MsBind = 4096;
    public const ulong MsRec = 16384;
    public const ulong MsPrivate = 1 << 18;
    public const int MntDetach = 2;
    public const ulong MsShared = 1 << 20;
    public const int CloneNewNet = 0x40000000;
    public const int CloneNewUts = 0x04000000;
    public const int CloneNewIpc = 0x08000000;

    private const int SysPidfdOpen = 434;
    private const int SysPidfdSendSignal = 424;
    private const int SysOpenat2 = 437;
    private const int PrSetChildSubreaper = 36;
    private const int PPidfd = 3;
    public const int WExited = 4;
    public const int WNohang = 1;
    public const short PollIn = 1;
    private const int AfInet = 2;
    private const int SockDgram = 2;
    private const int SockCloexec = 0x80000;
    private const ulong SiocGifFlags = 0x8913;
    private const ulong SiocSifFlags = 0x8914;
    private const short IffUp = 1;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mount(string? source, string target, string? fstype, ulong flags, string? data);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int umount2(string target, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, long a1, long a2, long a3, long a4);

    [LibraryImport("libc", SetLastError = true, EntryPoint = "syscall")]
    private static unsafe partial long syscallOpenat2(long number, int dirfd, byte* path, OpenHow* how, nuint size);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int waitid(int idtype, int id, byte* infop, int options);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int poll(PollFd* fds, ulong nfds, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    public static partial uint getpid();

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct OpenHow
    {
        public ulong Flags;
        public ulong Mode;
        public ulong Resolve;
    }

    /// <summary>Makes this process the reaper of orphaned descendants, so runc's detached container inits become our children and we can read their exit status.</summary>
    public static void BecomeChildSubreaper() => prctl(PrSetChildSubreaper, 1, 0, 0, 0);

    public static int PidfdOpen(int pid) => (int)syscall(SysPidfdOpen, pid, 0, 0, 0);

    public static int PidfdSendSignal(int pidfd, int signal) => (int)syscall(SysPidfdSendSignal, pidfd, signal, 0, 0);

    /// <summary>Waits up to <paramref name="timeoutMs"/> for a pidfd to become readable (the process exited).</summary>
    public static unsafe bool PollReadable(int fd, int timeoutMs)
    {
        var pfd = new PollFd { Fd = fd, Events = PollIn };
        var n = poll(&pfd, 1, timeoutMs);
        return n > 0 && (pfd.Revents & PollIn) != 0;
    }

    /// <summary>Reaps an exited child by pidfd; returns the shell-style exit code (128+signal when killed), or null when it is not our child.</summary>
    public static unsafe int? ReapPidfd(int pidfd)
    {
        // siginfo_t: si_signo, si_errno, si_code, padding, then si_pid, si_uid, si_status.
        var info = stackalloc byte[128];
        new Span<byte>(info, 128).Clear();
        while (true)
        {
            var rc = waitid(PPidfd, pidfd, info, WExited);
            if (rc == 0)
            {
                var code = *(int*)(info + 8);
                var status = *(int*)(info + 24);
                // CLD_EXITED = 1; CLD_KILLED = 2 and CLD_DUMPED = 3 carry the signal.
                return code == 1 ? status : 128 + status;
            }
            if (Marshal.GetLastPInvokeError() != EINTR)
            {
                return null;
            }
        }
    }

    public static unsafe int Openat2(int dirfd, string path, OpenHow how)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = bytes)
        {
            return (int)syscallOpenat2(SysOpenat2, dirfd, p, &how, (nuint)sizeof(OpenHow));
        }
    }

    public static string ErrorText(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int unshare(int flags);

    [LibraryImport("libc", EntryPoint = "sethostname", SetLastError = true)]
    private static partial int sethostname(byte[] name, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    /// <summary>Sets the hostname of the calling thread's UTS namespace; 0 or -1 with errno set.</summary>
    public static int SetHostname(string name)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(name);
        return sethostname(bytes, (nuint)bytes.Length);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int ioctl(int fd, ulong request, byte* argument);

    /// <summary>
    /// Sets the calling thread's network namespace's loopback interface up (SIOCSIFFLAGS, as <c>ip link set lo up</c>
    /// does through netlink); returns 0 or -1 with errno set.
    /// </summary>
    public static unsafe int SetLoopbackUp()
    {
        var fd = socket(AfInet, SockDgram | SockCloexec, 0);
        if (fd < 0)
        {
            return -1;
        }
        try
        {
            // struct ifreq: the interface name (16 bytes), then the union whose first member is ifr_flags.
            var request = stackalloc byte[40];
            new Span<byte>(request, 40).Clear();
            request[0] = (byte)'l';
            request[1] = (byte)'o';
            if (ioctl(fd, SiocGifFlags, request) != 0)
            {
                return -1;
            }
            *(short*)(request + 16) |= IffUp;
            return ioctl(fd, SiocSifFlags, request);
        }
        finally
        {
            var errno = Marshal.GetLastPInvokeError();
            close(fd);
            Marshal.SetLastPInvokeError(errno);
        }
    }
}
