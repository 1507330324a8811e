using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Tandem.Server.Tests.Streaming;

/// <summary>
/// A pseudo-terminal for tests: <c>openpty</c>, a process started as a session leader with the terminal as its
/// stdio and controlling terminal (util-linux <c>setsid --ctty</c>), and <c>TIOCSWINSZ</c> to resize it, which makes
/// the kernel send SIGWINCH to the terminal's foreground process.
/// </summary>
internal sealed partial class Pty : IDisposable
{
    private const ulong TiocSetWindowSize = 0x5414;
    private const int SetDescriptorFlags = 2;
    private const int CloseOnExec = 1;
    private readonly int _master;
    private readonly int _slave;
    private int _slaveOpen = 1;

    public Pty(ushort rows, ushort columns)
    {
        var size = new WindowSize { Rows = rows, Columns = columns };
        if (openpty(out _master, out _slave, IntPtr.Zero, IntPtr.Zero, ref size) != 0)
        {
            throw new IOException($"openpty failed: errno {Marshal.GetLastPInvokeError()}");
        }
        // Not inherited by the other processes the tests start, or the terminal would never hang up.
        _ = fcntl(_master, SetDescriptorFlags, CloseOnExec);
        _ = fcntl(_slave, SetDescriptorFlags, CloseOnExec);
        SlavePath = NameOf(_master);
        Master = new FileStream(new SafeFileHandle(_master, ownsHandle: true), FileAccess.ReadWrite, 1);
    }

    /// <summary>The terminal's controlling side: what the process prints comes out here; what is written here is its input.</summary>
    public FileStream Master { get; }

    public string SlavePath { get; }

    public void Resize(ushort rows, ushort columns)
    {
        var size = new WindowSize { Rows = rows, Columns = columns };
        if (ioctl(_master, TiocSetWindowSize, ref size) != 0)
        {
            throw new IOException($"TIOCSWINSZ failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Starts <paramref name="command"/> on this terminal, with the environment given.</summary>
    public Process Start(IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec setsid --ctty \"$@\" <\"$0\" >\"$0\" 2>&1");
        info.ArgumentList.Add(SlavePath);
        foreach (var arg in command)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        info.Environment["TERM"] = "dumb";
        return Process.Start(info) ?? throw new IOException("cannot start " + command[0]);
    }

    /// <summary>Our copy of the terminal's process side is no longer needed once the process has it open.</summary>
    public void CloseSlave()
    {
        if (Interlocked.Exchange(ref _slaveOpen, 0) == 1)
        {
            close(_slave);
        }
    }

    public void Dispose()
    {
        Master.Dispose();
        CloseSlave();
    }

    private static unsafe string NameOf(int master)
    {
        var name = stackalloc byte[128];
        if (ptsname_r(master, name, 128) != 0)
        {
            throw new IOException($"ptsname_r failed: errno {Marshal.GetLastPInvokeError()}");
        }
        return Marshal.PtrToStringUTF8((IntPtr)name)!;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int ptsname_r(int fd, byte* buffer, nuint length);

    [StructLayout(LayoutKind.Sequential)]
    private struct WindowSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort XPixels;
        public ushort YPixels;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int openpty(out int master, out int slave, IntPtr name, IntPtr termios, ref WindowSize size);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int fd, ulong request, ref WindowSize size);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fcntl(int fd, int command, int argument);
}
