using System.Diagnostics;

namespace Tandem.Cli.Tests.Images;

/// <summary>
/// Runs <c>tandem image ...</c> against one state directory as its own process (the build next to
/// the tests) and captures what a user would see. A process rather than in-process: opening the
/// runtime makes a process a child subreaper, and the test host must not become one, or orphans of
/// other tests' SIGKILLed <c>tandem run</c> would be re-parented to it and never reaped.
/// </summary>
internal static class ImageCli
{
    public static async Task<CliResult> Run(string stateDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tandem.dll"));
        info.ArgumentList.Add("image");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add("--state-dir");
        info.ArgumentList.Add(stateDirectory);
        info.Environment["NO_COLOR"] = "1";
        info.Environment.Remove("TANDEM_STATE_DIR");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
