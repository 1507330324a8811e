using System.Diagnostics;

namespace Tandem.Bench.Node;

/// <summary>
/// The peer: <c>podman kube play</c> of the same pod. It returns once it has created the pod (infra container included)
/// and started every container through conmon and runc, so its wall time is the time to all containers started.
/// </summary>
public sealed class Podman(string directory)
{
    public static bool Available => File.Exists("/usr/bin/podman");

    /// <summary>Runs <c>podman kube play</c> and returns its wall time in milliseconds.</summary>
    public async Task<double> PlayAsync(string name)
    {
        var file = FileOf(name);
        await File.WriteAllTextAsync(file, BenchPod.PodmanManifest(name));
        var clock = Stopwatch.StartNew();
        await RunAsync("kube", "play", file);
        return clock.Elapsed.TotalMilliseconds;
    }

    public async Task DownAsync(string name)
    {
        await RunAsync("pod", "rm", "--force", "--time", "0", name);
        File.Delete(FileOf(name));
    }

    /// <summary>The number of running containers of a pod (infra excluded), to check what <c>kube play</c> returned after.</summary>
    public async Task<int> RunningContainersAsync(string name)
    {
        var output = await RunAsync("ps", "--filter", $"pod={name}", "--filter", "status=running", "--format", "{{.Names}}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(n => !n.EndsWith("-infra", StringComparison.Ordinal));
    }

    private string FileOf(string name) => Path.Combine(directory, name + ".yaml");

    private static async Task<string> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("podman") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"podman {string.Join(' ', args)} failed: {await errors}");
        }
        return await output;
    }
}
