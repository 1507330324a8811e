using System.IO.Pipes;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Tandem.Runtime.Runc;

/// <summary>FIFOs and terminals: the container's stdio that outlives this process, and terminal sizes.</summary>
internal static partial class LinuxNative
{
    public const int ORdonly = 0;
    public const int OWronly = 1;
    public const int ORdwr = 2;
    public const int ONonblock = 0x800;
    public const int OCloexec = 0x80000;
    public const int ENXIO = 6;
    private const int FSetfl = 4;
    private const int FGetfl = 3;
    private const int FSetpipeSz = 1031;
    private const ulong TiocSwinsz = 0x5414;

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkFifo(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static unsafe partial int Ioctl(int fd, ulong request, void* argument);

    /// <summary>Creates a FIFO only this user may open; an existing one (a retried start) is reused.</summary>
    public static void CreateFifo(string path)
    {
        if (MkFifo(path, 0b110_000_000) != 0 && Marshal.GetLastPInvokeError() != 17)
        {
            throw new IOException($"mkfifo {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    /// <summary>Opens a FIFO; returns -errno on failure (ENXIO: write-only, non-blocking, and nobody reads).</summary>
    public static int OpenFifo(string path, int flags)
    {
        var fd = Open(path, flags | OCloexec);
        return fd >= 0 ? fd : -Marshal.GetLastPInvokeError();
    }

    /// <summary>Grows the pipe's buffer; best effort (an unprivileged caller is capped by /proc/sys/fs/pipe-max-size).</summary>
    public static void SetPipeSize(int fd, int bytes) => Fcntl(fd, FSetpipeSz, bytes);

    public static void ClearNonblocking(int fd)
    {
        var flags = Fcntl(fd, FGetfl, 0);
        if (flags >= 0)
        {
            Fcntl(fd, FSetfl, flags & ~ONonblock);
        }
    }

    /// <summary>
    /// A stream on a FIFO's descriptor through the pipe machinery (epoll-driven async reads and writes, no
    /// thread blocked per stream), as .NET uses for a child process's redirected stdio.
    /// </summary>
    public static PipeStream FifoStream(int fd, PipeDirection direction) =>
        new AnonymousPipeClientStream(direction, new SafePipeHandle(fd, ownsHandle: true));

    /// <summary>Sets a terminal's size (TIOCSWINSZ on its master); the kernel sends SIGWINCH to its foreground process group.</summary>
    public static unsafe void SetTerminalSize(SafeHandle master, ushort width, ushort height)
    {
        // struct winsize { rows, cols, xpixel, ypixel }
        var size = stackalloc ushort[4] { height, width, 0, 0 };
        var added = false;
        master.DangerousAddRef(ref added);
        try
        {
            Ioctl((int)master.DangerousGetHandle(), TiocSwinsz, size);
        }
        finally
        {
            if (added)
            {
                master.DangerousRelease();
            }
        }
    }
}
