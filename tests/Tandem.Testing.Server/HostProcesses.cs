using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;
using Tandem.Runtime;
using Tandem.Server.Streaming;

namespace Tandem.Testing.Server;

/// <summary>
/// This machine as a stand-in container for streaming tests: exec runs a host process with the
/// session's stdin, stdout and stderr on pipes; port-forward dials 127.0.0.1. Failures are the
/// runtime's errors, worded as a container runtime words them.
/// </summary>
public static class HostProcesses
{
    public static async Task<int> ExecWithPipesAsync(IReadOnlyList<string> command, StreamingIo io, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        using var process = StartOrThrow(info);
        using var kill = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
        _ = Task.Run(async () =>
        {
            try
            {
                if (io.Stdin is not null)
                {
                    await io.Stdin.CopyToAsync(process.StandardInput.BaseStream, CancellationToken.None);
                }
            }
            catch (IOException)
            {
                // The process stopped reading.
            }
            finally
            {
                try
                {
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                }
            }
        }, CancellationToken.None);
        var stdout = CopyOutAsync(process.StandardOutput.BaseStream, io.Stdout);
        var stderr = CopyOutAsync(process.StandardError.BaseStream, io.Stderr);
        await process.WaitForExitAsync(CancellationToken.None);
        await Task.WhenAll(stdout, stderr);
        cancellationToken.ThrowIfCancellationRequested();
        return process.ExitCode;
    }

    public static async Task<Stream> DialLoopbackAsync(int port, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        }
        catch (SocketException e)
        {
            client.Dispose();
            throw new RuntimeException(RuntimeErrorCode.Unavailable, $"dial tcp4 127.0.0.1:{port}: connect: {e.Message}");
        }
        return client.GetStream();
    }

    /// <summary>Copies a process's output to the session as it comes, a write (and flush) per read.</summary>
    public static async Task CopyOutAsync(Stream source, Stream? target)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer)) > 0)
            {
                if (target is not null)
                {
                    await target.WriteAsync(buffer.AsMemory(0, read));
                    await target.FlushAsync();
                }
            }
        }
        catch (IOException)
        {
            // A terminal reports EIO once the last process on it has gone: that is its end of output.
        }
    }

    private static Process StartOrThrow(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            throw new RuntimeException(RuntimeErrorCode.NotFound, $"exec: \"{info.FileName}\": executable file not found in $PATH: {e.Message}");
        }
    }
}
