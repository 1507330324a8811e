using Tandem.Runtime.Runc;
using Tandem.Runtime.Runc.Processes;

namespace Tandem.Runtime.Tests.Fixtures;

/// <summary>
/// A runtime with its own state root and host prefix (netns names, cgroup parent), so a leak
/// check can demand that nothing at all with that prefix exists, whatever other tests run in parallel.
/// </summary>
public sealed class IsolatedRuntime
{
    private IsolatedRuntime(RuncRuntimeOptions options, RuncRuntime runtime, string image)
    {
        Options = options;
        Runtime = runtime;
        Image = image;
    }

    public RuncRuntimeOptions Options { get; }

    public RuncRuntime Runtime { get; }

    public string Image { get; }

    public static async Task<IsolatedRuntime> CreateAsync(RuntimeEnvironment environment, IProcessRunner? runner = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var options = environment.Options with { StateRoot = Path.Combine(environment.Root, "iso-" + suffix), HostPrefix = "ti" + suffix };
        var runtime = new RuncRuntime(options, runner);
        const string image = "isolated/busybox:1";
        await runtime.Images.ImportImageAsync(Path.Combine(environment.ImagesDirectory, "busybox-oci.tar"), image, CancellationToken.None);
        return new IsolatedRuntime(options, runtime, image);
    }

    /// <summary>A second instance on the same state, as a restarted node would create.</summary>
    public RuncRuntime Restart() => new(Options);
}
