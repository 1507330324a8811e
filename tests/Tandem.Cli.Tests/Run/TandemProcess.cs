using System.Diagnostics;
using System.Text;

namespace Tandem.Cli.Tests.Run;

/// <summary>
/// <c>tandem</c> as a separate process (the build next to the tests), so signals and SIGKILL reach it as they would
/// from a terminal or CI. Collects stdout and stderr, and lets a test wait for a line.
/// </summary>
internal sealed class TandemProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    private TandemProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static TandemProcess Start(string stateDirectory, string hostPrefix, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tandem.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add("--state-dir");
        info.ArgumentList.Add(stateDirectory);
        info.Environment["TANDEM_HOST_PREFIX"] = hostPrefix;
        info.Environment["NO_COLOR"] = "1";
        var process = new Process { StartInfo = info };
        var tandem = new TandemProcess(process);
        process.OutputDataReceived += (_, e) => tandem.Append(e.Data);
        process.ErrorDataReceived += (_, e) => tandem.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tandem;
    }

    public async Task WaitForLineAsync(string fragment, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_output.ToString().Contains(fragment, StringComparison.Ordinal))
            {
                return;
            }
            _waiters.Add((line => line.Contains(fragment, StringComparison.Ordinal), seen));
        }
        try
        {
            await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"tandem did not print \"{fragment}\" within {timeout}; it printed:\n{Output}");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"tandem did not exit within {timeout}; it printed:\n{Output}");
        }
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    public void Signal(int signal) => _ = Kill(_process.Id, signal);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _output.AppendLine(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
