using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tandem.Cli.Tests.Client;

/// <summary>A long-running tandem client command (<c>get -w</c>, <c>logs -f</c>) whose lines a test waits for; killed on dispose.</summary>
public sealed class WatchedTandem : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _changed = new(0);

    public WatchedTandem(string kubeconfig, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tandem.dll"));
        foreach (var arg in args.Append("--kubeconfig").Append(kubeconfig))
        {
            info.ArgumentList.Add(arg);
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("cannot start tandem");
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public async Task WaitForAsync(string pattern, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!Lines.Any(l => Regex.IsMatch(l, pattern)))
        {
            try
            {
                await _changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no line matched {pattern} within {timeout}; printed:\n{string.Join('\n', Lines)}");
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _lines.Add(line);
        }
        _changed.Release();
    }
}
