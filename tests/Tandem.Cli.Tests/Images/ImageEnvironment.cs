using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Tandem.Cli.Tests.Lint;
using Tandem.Testing;
using Tandem.Testing.Runtime;

namespace Tandem.Cli.Tests.Images;

/// <summary>
/// Shared by the image command tests: images built from Debian's busybox-static by
/// scripts/build-test-images, and a real registry (Debian's docker-registry, plain HTTP on
/// 127.0.0.1) holding them, so <c>tandem image pull</c> goes the whole way. Each test gets its own
/// state directory from <see cref="NewStateDirectory"/>.
/// </summary>
internal sealed class ImageEnvironment
{
    public static readonly string[] Needs = ["root", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "file:/bin/busybox"];

    private static readonly Lazy<Task<ImageEnvironment>> Shared = new(CreateAsync);

    private ImageEnvironment(string root, string registry)
    {
        Root = root;
        Registry = registry;
    }

    /// <summary>The temp tree: <c>built/</c> (layout and archives), <c>registry/</c>, and one <c>state-*</c> per test.</summary>
    public string Root { get; }

    /// <summary><c>127.0.0.1:PORT</c> of the registry.</summary>
    public string Registry { get; }

    public string Busybox => $"{Registry}/library/busybox:1.36";

    public string ConfigTest => $"{Registry}/library/config-test:1";

    public string Built => Path.Combine(Root, "built");

    public static Task<ImageEnvironment> RequireAsync()
    {
        Prerequisites.Require(Needs);
        return Shared.Value;
    }

    public string NewStateDirectory() => Path.Combine(Root, $"state-{Guid.NewGuid():N}"[..14]);

    private static async Task<ImageEnvironment> CreateAsync()
    {
        DeleteStaleRoots();
        var root = Path.Combine(Path.GetTempPath(), $"tandem-cli-img-{Guid.NewGuid():N}"[..26]);
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        await RunAsync(Path.Combine(RepositoryPaths.Root, "scripts", "build-test-images"), Path.Combine(root, "built"));
        var registry = await LocalRegistry.StartAsync(Path.Combine(root, "registry"), CancellationToken.None);
        var address = registry.Address;
        foreach (var (tag, repository) in new[] { ("busybox:1.36", "library/busybox:1.36"), ("config-test:1", "library/config-test:1") })
        {
            await RunAsync("skopeo", "copy", "--quiet", "--dest-tls-verify=false", $"oci:{root}/built/layout:{tag}", $"docker://{address}/{repository}");
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // Our own registry, by the process we started; then the tree (state dirs hold only files, no mounts).
            registry.Dispose();
            Directory.Delete(root, recursive: true);
        };
        return new ImageEnvironment(root, address);
    }

    /// <summary>
    /// The exit handler of a test host does not always get the time to finish: trees of earlier
    /// runs whose process is gone are deleted here, after stopping the registry their pid file
    /// names (only when its command line names that tree, so no other process is touched).
    /// </summary>
    private static void DeleteStaleRoots()
    {
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), "tandem-cli-img-*"))
        {
            var owner = Path.Combine(stale, "owner.pid");
            if (File.Exists(owner) && Directory.Exists($"/proc/{File.ReadAllText(owner).Trim()}"))
            {
                continue;
            }
            try
            {
                var pidFile = Path.Combine(stale, "registry", "registry.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid)
                    && File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Contains(stale, StringComparison.Ordinal))
                {
                    using var registry = Process.GetProcessById(pid);
                    registry.Kill();
                    registry.WaitForExit();
                }
                Directory.Delete(stale, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // Gone already, or another run is deleting it.
            }
        }
    }

    public static Task<string> RunAsync(string command, params string[] args) => RuntimeEnvironment.RunAsync(command, args);
}
