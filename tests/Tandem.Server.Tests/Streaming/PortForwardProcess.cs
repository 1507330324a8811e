using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.Streaming;

/// <summary>A running <c>kubectl port-forward</c> on a kubectl-chosen local port, stopped (by PID) when disposed.</summary>
internal sealed partial class PortForwardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _localPort = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PortForwardProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>kubectl port-forward pod/NAME :PORT</c> and waits for the local port it prints.</summary>
    public static async Task<(PortForwardProcess Process, int LocalPort)> StartAsync(Kubectl kubectl, string pod, int podPort)
    {
        var forward = new PortForwardProcess(kubectl.Start(["port-forward", "--address", "127.0.0.1", pod, $":{podPort}"]));
        var exited = forward._process.WaitForExitAsync();
        var port = forward._localPort.Task;
        if (await Task.WhenAny(port, exited, Task.Delay(TimeSpan.FromSeconds(60))) != port)
        {
            await forward.DisposeAsync();
            throw new TimeoutException($"kubectl port-forward never said where it listens:\n{forward.Output}");
        }
        return (forward, await port);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (ForwardingLine().Match(line) is { Success: true } match)
        {
            _localPort.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"Forwarding from 127\.0\.0\.1:(\d+) ->")]
    private static partial Regex ForwardingLine();
}
