using System.Diagnostics;
using System.Globalization;
using Tandem.Runtime;
using Tandem.Runtime.Runc;

// Sandbox + 3 containers, created and started on the runc driver, image cached: p50/p99 over N
// runs, then stop + remove. Needs root and scripts/build-test-images output.
// Usage: dotnet run -c Release --project bench/Tandem.Bench.Runtime [runs]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var root = Directory.CreateTempSubdirectory("tandem-bench-runtime-").FullName;
var built = Path.Combine(root, "built");
var repository = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(repository, "Tandem.slnx")))
{
    repository = Path.GetDirectoryName(repository) ?? throw new InvalidOperationException("run from inside the repository");
}
using (var build = Process.Start(Path.Combine(repository, "scripts", "build-test-images"), built))
{
    await build.WaitForExitAsync();
}
var runtime = new RuncRuntime(new RuncRuntimeOptions { StateRoot = Path.Combine(root, "state"), HostPrefix = "tbench", DockerConfigPath = null });
await runtime.VerifyHostAsync(CancellationToken.None);
const string image = "bench/busybox:1";
await runtime.Images.ImportImageAsync(Path.Combine(built, "busybox-oci.tar"), image, CancellationToken.None);

var startTimes = new List<double>();
var sandboxTimes = new List<double>();
var teardownTimes = new List<double>();
for (var run = 0; run < runs + 3; run++)
{
    var pod = new PodSandboxConfig
    {
        Name = $"bench-{run}",
        Namespace = "default",
        Uid = Guid.NewGuid().ToString(),
        Hostname = $"bench-{run}",
        LogDirectory = Path.Combine(root, "logs", run.ToString(CultureInfo.InvariantCulture)),
    };
    var clock = Stopwatch.StartNew();
    var sandbox = await runtime.Sandboxes.RunPodSandboxAsync(pod, CancellationToken.None);
    var sandboxMs = clock.Elapsed.TotalMilliseconds;
    foreach (var (name, command) in new[] { ("app", new[] { "httpd", "-f", "-p", "8080" }), ("sidecar-1", new[] { "sleep", "1000" }), ("sidecar-2", new[] { "sleep", "1000" }) })
    {
        var id = await runtime.Containers.CreateContainerAsync(sandbox, new ContainerConfig
        {
            Name = name,
            Image = image,
            Command = command,
            LogPath = Path.Combine(pod.LogDirectory, name + ".log"),
        }, pod, CancellationToken.None);
        await runtime.Containers.StartContainerAsync(id, CancellationToken.None);
    }
    var totalMs = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    await runtime.Sandboxes.StopPodSandboxAsync(sandbox, CancellationToken.None);
    await runtime.Sandboxes.RemovePodSandboxAsync(sandbox, CancellationToken.None);
    // The first runs pay for JIT and cold caches; they are not counted.
    if (run >= 3)
    {
        startTimes.Add(totalMs);
        sandboxTimes.Add(sandboxMs);
        teardownTimes.Add(clock.Elapsed.TotalMilliseconds);
    }
}
await runtime.Images.RemoveImageAsync(image, CancellationToken.None);
Directory.Delete(root, recursive: true);

Console.WriteLine($"runs: {runs} (after 3 warm-up runs), {Environment.ProcessorCount} cores, runc driver");
Report("sandbox ready", sandboxTimes);
Report("sandbox + 3 containers started", startTimes);
Report("stop + remove (nothing left)", teardownTimes);

static void Report(string what, List<double> samples)
{
    samples.Sort();
    double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
    Console.WriteLine($"{what,-34} p50 {At(0.50),7:F1} ms   p99 {At(0.99),7:F1} ms   max {samples[^1],7:F1} ms");
}
