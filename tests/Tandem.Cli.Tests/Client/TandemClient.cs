using System.Diagnostics;

namespace Tandem.Cli.Tests.Client;

/// <summary>Runs <c>tandem VERB …</c> as a process with a kubeconfig, and collects what a person would see.</summary>
public static class TandemClient
{
    public static async Task<CliRun> RunAsync(string kubeconfig, string[] args, string? stdin = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tandem.dll"));
        // Right after the verb: anything after `--` belongs to the remote command.
        info.ArgumentList.Add(args[0]);
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(kubeconfig);
        foreach (var arg in args.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["NO_COLOR"] = "1";
        info.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start tandem");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"tandem {string.Join(' ', args)} did not finish in time; it printed:\n{await stdout}\n{await stderr}");
        }
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
