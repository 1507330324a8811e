using System.IO.Pipes;

namespace Tandem.Runtime.Runc;

/// <summary>
/// A container's stdio as FIFOs in its state directory, so it does not depend on this process: the container
/// opens its stdout and stderr read-write, so it always holds a reader itself and never gets SIGPIPE, and while
/// no node process reads, its output waits in the pipe (grown to 1 MiB) and then blocks the writer, as a full
/// pipe does. This process opens the read ends to copy into the CRI log, and a restarted one opens them again
/// and carries on where the last one stopped. No helper process per container (a containerd shim) is needed.
/// </summary>
internal sealed class ContainerStdio : IDisposable
{
    /// <summary>What a container may write while no node process reads before its writes block.</summary>
    public const int PipeBytes = 1 << 20;

    private readonly List<int> _keepers;

    private ContainerStdio(PipeStream stdout, PipeStream stderr, PipeStream? stdin, List<int> keepers)
    {
        Stdout = stdout;
        Stderr = stderr;
        Stdin = stdin;
        _keepers = keepers;
    }

    public PipeStream Stdout { get; }

    public PipeStream Stderr { get; }

    /// <summary>The write end of the container's stdin; null unless created with <c>stdin: true</c> (or it was closed for good).</summary>
    public PipeStream? Stdin { get; }

    /// <summary>
    /// The shell redirections that give runc (and through it the container, in pass-through mode) the FIFOs; the
    /// directory is the script's <c>$0</c>. With <c>stdin: true</c> the container reads its stdin FIFO read-write,
    /// so it never sees end-of-file, except with <c>stdinOnce</c>, where end-of-file must come when this process
    /// closes the only writer (the kubelet's rule: the first attach session's end closes stdin).
    /// </summary>
    public static string Redirections(ContainerConfig config) =>
        (config.Stdin ? config.StdinOnce ? "0<\"$0/stdin\"" : "0<>\"$0/stdin\"" : "0</dev/null") + " 1<>\"$0/stdout\" 2<>\"$0/stderr\"";

    /// <summary>Creates the FIFOs and opens this process's ends before the container starts.</summary>
    public static ContainerStdio Create(string directory, ContainerConfig config)
    {
        var keepers = new List<int>();
        var opened = new List<int>();
        try
        {
            int Open(string name, int flags)
            {
                var fd = LinuxNative.OpenFifo(Path.Combine(directory, name), flags);
                if (fd < 0)
                {
                    throw new IOException($"opening {Path.Combine(directory, name)} failed: {LinuxNative.ErrorText(-fd)}");
                }
                opened.Add(fd);
                return fd;
            }
            PipeStream Reader(string name)
            {
                LinuxNative.CreateFifo(Path.Combine(directory, name));
                // Held until runc has handed the FIFO to the container: a reader opened while no writer exists sees end-of-file.
                var keeper = Open(name, LinuxNative.ORdwr);
                keepers.Add(keeper);
                LinuxNative.SetPipeSize(keeper, PipeBytes);
                return LinuxNative.FifoStream(Open(name, LinuxNative.ORdonly | LinuxNative.ONonblock), PipeDirection.In);
            }
            var stdout = Reader("stdout");
            var stderr = Reader("stderr");
            PipeStream? stdin = null;
            if (config.Stdin)
            {
                LinuxNative.CreateFifo(Path.Combine(directory, "stdin"));
                // Read-write so the container's read-only open (stdinOnce) does not wait for a writer.
                stdin = LinuxNative.FifoStream(Open("stdin", LinuxNative.ORdwr), PipeDirection.Out);
            }
            return new ContainerStdio(stdout, stderr, stdin, keepers);
        }
        catch
        {
            opened.ForEach(fd => LinuxNative.close(fd));
            throw;
        }
    }

    /// <summary>
    /// Opens this process's ends again for a container an earlier process started. A container whose stdinOnce
    /// stdin was given to an earlier process gets none: its stdin was closed when that process went away.
    /// </summary>
    public static ContainerStdio Reopen(string directory, ContainerConfig config)
    {
        PipeStream Reader(string name)
        {
            var fd = LinuxNative.OpenFifo(Path.Combine(directory, name), LinuxNative.ORdonly | LinuxNative.ONonblock);
            return fd >= 0
                ? LinuxNative.FifoStream(fd, PipeDirection.In)
                : throw new IOException($"reopening {Path.Combine(directory, name)} failed: {LinuxNative.ErrorText(-fd)}");
        }
        var stdout = Reader("stdout");
        var stderr = Reader("stderr");
        PipeStream? stdin = null;
        if (config.Stdin && !config.StdinOnce)
        {
            var fd = LinuxNative.OpenFifo(Path.Combine(directory, "stdin"), LinuxNative.OWronly | LinuxNative.ONonblock);
            stdin = fd >= 0 ? LinuxNative.FifoStream(fd, PipeDirection.Out) : null;
        }
        return new ContainerStdio(stdout, stderr, stdin, []);
    }

    /// <summary>The container holds its ends now (runc has exited): from here end-of-file means every holder exited.</summary>
    public void ReleaseKeepers()
    {
        foreach (var fd in _keepers)
        {
            LinuxNative.close(fd);
        }
        _keepers.Clear();
    }

    public void Dispose()
    {
        ReleaseKeepers();
        Stdout.Dispose();
        Stderr.Dispose();
        Stdin?.Dispose();
    }
}
