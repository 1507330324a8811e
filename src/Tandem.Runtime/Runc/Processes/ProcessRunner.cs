using System.Diagnostics;
using System.Text;

namespace Tandem.Runtime.Runc.Processes;

/// <summary>The real process runner, on <see cref="Process"/>.</summary>
public sealed class ProcessRunner : IProcessRunner
{
    public static readonly ProcessRunner Instance = new();

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        using var process = Launch(spec);
        process.StandardInput.Close();
        var stdout = ReadCappedAsync(process.StandardOutput.BaseStream, spec);
        var stderr = ReadCappedAsync(process.StandardError.BaseStream, spec);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var (outText, outCut) = await stdout.ConfigureAwait(false);
        var (errText, errCut) = await stderr.ConfigureAwait(false);
        return new ProcessResult(process.ExitCode, outText, errText, outCut || errCut);
    }

    public IStartedProcess Start(ProcessSpec spec) => new StartedProcess(Launch(spec));

    private static Process Launch(ProcessSpec spec)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException($"could not start {spec.FileName}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new RuntimeException(RuntimeErrorCode.FailedPrecondition,
                $"cannot run {spec.FileName}: {e.Message}; install it with scripts/install-prerequisites run", e);
        }
    }

    private static async Task<(string Text, bool Truncated)> ReadCappedAsync(Stream stream, ProcessSpec spec)
    {
        var kept = new MemoryStream();
        var truncated = false;
        var buffer = new byte[16 * 1024];
        var line = new StringBuilder();
        int n;
        while ((n = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var room = spec.OutputLimitBytes - (int)kept.Length;
            if (room > 0)
            {
                kept.Write(buffer, 0, Math.Min(room, n));
            }
            truncated |= n > room;
            if (spec.OnLine is { } onLine)
            {
                foreach (var c in Encoding.UTF8.GetString(buffer, 0, n))
                {
                    if (c == '\n')
                    {
                        onLine(line.ToString());
                        line.Clear();
                    }
                    else
                    {
                        line.Append(c);
                    }
                }
            }
        }
        return (Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length), truncated);
    }

    private sealed class StartedProcess(Process process) : IStartedProcess
    {
        public int Pid => process.Id;

        public Stream StandardInput => process.StandardInput.BaseStream;

        public Stream StandardOutput => process.StandardOutput.BaseStream;

        public Stream StandardError => process.StandardError.BaseStream;

        public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return process.ExitCode;
        }

        public void Kill() => process.Kill();

        public void Dispose() => process.Dispose();
    }
}
