using System.Diagnostics;
using Tandem.Runtime.Runc;

namespace Tandem.Testing.Runtime;

/// <summary>
/// One registry, one set of test images and one runtime (with its image cache) for the whole test
/// run, built on first use and shared by every test class so classes run in parallel. The images
/// are built from Debian's busybox-static by scripts/build-test-images and pushed to the registry,
/// so every test's image arrived through the real pull path.
/// </summary>
public sealed class RuntimeEnvironment
{
    private static readonly Lazy<Task<RuntimeEnvironment>> Shared = new(CreateAsync);

    private RuntimeEnvironment(string root, LocalRegistry registry, RuncRuntimeOptions options, RuncRuntime runtime, string imagesDirectory)
    {
        Root = root;
        Registry = registry;
        Options = options;
        Runtime = runtime;
        ImagesDirectory = imagesDirectory;
    }

    public string Root { get; }

    public LocalRegistry Registry { get; }

    public RuncRuntimeOptions Options { get; }

    public RuncRuntime Runtime { get; }

    /// <summary>Output of build-test-images: the OCI layout and the archives.</summary>
    public string ImagesDirectory { get; }

    public string Busybox => $"{Registry.Address}/library/busybox:1.36";

    public string ConfigTest => $"{Registry.Address}/library/config-test:1";

    public static Task<RuntimeEnvironment> GetAsync() => Shared.Value;

    private static async Task<RuntimeEnvironment> CreateAsync()
    {
        DeleteStaleRoots();
        var root = Path.Combine(Path.GetTempPath(), $"tandem-rt-{Guid.NewGuid():N}"[..24]);
        // Created under another name with its owner inside, then renamed: a concurrent run never sees it without an owner.
        var creating = root.Replace("tandem-rt-", "tandem-new-", StringComparison.Ordinal);
        Directory.CreateDirectory(creating);
        await File.WriteAllTextAsync(Path.Combine(creating, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.Move(creating, root);
        var images = Path.Combine(root, "built");
        await RunAsync(Path.Combine(RepositoryRoot(), "scripts", "build-test-images"), images);
        var registry = await LocalRegistry.StartAsync(Path.Combine(root, "registry"), CancellationToken.None);
        foreach (var (tag, repository) in new[] { ("busybox:1.36", "library/busybox:1.36"), ("config-test:1", "library/config-test:1") })
        {
            await RunAsync("skopeo", "copy", "--quiet", "--dest-tls-verify=false", $"oci:{images}/layout:{tag}", $"docker://{registry.Address}/{repository}");
        }
        var options = new RuncRuntimeOptions { StateRoot = Path.Combine(root, "state"), HostPrefix = "tt" + Guid.NewGuid().ToString("N")[..6], DockerConfigPath = null };
        var runtime = new RuncRuntime(options);
        var environment = new RuntimeEnvironment(root, registry, options, runtime, images);
        await runtime.Images.PullImageAsync(environment.Busybox, null, null, CancellationToken.None);
        await runtime.Images.PullImageAsync(environment.ConfigTest, null, null, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => environment.CleanUp();
        return environment;
    }

    /// <summary>Removes every sandbox the tests left, stops the registry and deletes the temp tree.</summary>
    private void CleanUp()
    {
        // The registry first: the test host may be ended before the slower steps below finish.
        Registry.Dispose();
        foreach (var sandbox in Runtime.Sandboxes.ListPodSandboxesAsync(CancellationToken.None).GetAwaiter().GetResult())
        {
            Runtime.Sandboxes.RemovePodSandboxAsync(sandbox.Id, CancellationToken.None).GetAwaiter().GetResult();
        }
        if (!File.ReadAllText("/proc/self/mountinfo").Contains(Root, StringComparison.Ordinal))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>
    /// Deletes the temp trees of earlier runs whose test process is gone and that have nothing
    /// mounted: the exit handler of a test host does not always get the time to finish.
    /// </summary>
    private static void DeleteStaleRoots()
    {
        var mounts = File.ReadAllText("/proc/self/mountinfo");
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), "tandem-rt-*"))
        {
            var owner = Path.Combine(stale, "owner.pid");
            var alive = File.Exists(owner) && Directory.Exists($"/proc/{File.ReadAllText(owner).Trim()}");
            if (!alive && !mounts.Contains(stale, StringComparison.Ordinal))
            {
                KillStaleRegistry(stale);
                try
                {
                    Directory.Delete(stale, recursive: true);
                }
                catch (IOException)
                {
                    // Another run is deleting it too.
                }
            }
        }
    }

    /// <summary>Stops a registry an earlier run started and could not stop: its pid file names it, its command line must name the tree.</summary>
    private static void KillStaleRegistry(string staleRoot)
    {
        var pidFile = Path.Combine(staleRoot, "registry", "registry.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            if (commandLine.Contains(staleRoot, StringComparison.Ordinal))
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    public static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Tandem.slnx")))
        {
            directory = Path.GetDirectoryName(directory);
        }
        return directory ?? throw new InvalidOperationException("cannot find the repository root (Tandem.slnx) above " + AppContext.BaseDirectory);
    }

    public static async Task<string> RunAsync(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        }
        return await stdout;
    }
}
