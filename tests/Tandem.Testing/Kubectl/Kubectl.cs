using System.Diagnostics;

namespace Tandem.Testing.Kubectl;

/// <summary>
/// Runs one pinned kubectl binary against one kubeconfig, with a scratch HOME so the discovery and
/// OpenAPI caches of one test never leak into another (kubectl caches discovery for 6 hours).
/// </summary>
public sealed class Kubectl
{
    private readonly string _binary;
    private readonly string _kubeconfig;
    private readonly string _home;

    public Kubectl(int minor, string kubeconfig, string home)
    {
        Minor = minor;
        _binary = KubectlVersions.PathOf(minor);
        _kubeconfig = kubeconfig;
        _home = home;
        Directory.CreateDirectory(home);
    }

    public int Minor { get; }

    /// <summary>Extra environment for every run, e.g. <c>KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false</c>.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs to completion (killed after <paramref name="timeout"/>, default 60 s) and returns what it printed.</summary>
    public async Task<KubectlResult> RunAsync(IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var process = Start(args, redirectStdin: true);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        }
        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish in time; it printed:\n{await stdout}\n{await stderr}");
        }
        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    public Task<KubectlResult> RunAsync(params string[] args) => RunAsync((IEnumerable<string>)args);

    /// <summary>Starts kubectl and leaves it running (for <c>get -w</c>, <c>logs -f</c>, <c>port-forward</c>); the caller kills it.</summary>
    public Process Start(IEnumerable<string> args, bool redirectStdin = false)
    {
        var info = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(_kubeconfig);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["HOME"] = _home;
        info.Environment.Remove("KUBECONFIG");
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }
        return Process.Start(info) ?? throw new InvalidOperationException($"cannot start {_binary}");
    }
}
