using Tandem.Runtime.Runc.Processes;

namespace Tandem.Runtime.Runc;

/// <summary>
/// Named network namespaces through iproute2 (<c>ip netns</c>): the namespace is pinned by a bind
/// mount under /run/netns, so it outlives every process in it and a restarted node can find and
/// delete it by name.
/// </summary>
internal sealed class NetworkNamespaces(RuncRuntimeOptions options, IProcessRunner runner)
{
    public async Task CreateAsync(string name, CancellationToken cancellationToken)
    {
        await RunAsync(["netns", "add", name], cancellationToken).ConfigureAwait(false);
        await RunAsync(["-n", name, "link", "set", "lo", "up"], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a namespace; one that is already gone is fine.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (!File.Exists($"/run/netns/{name}"))
        {
            return;
        }
        var result = await runner.RunAsync(new ProcessSpec(options.IpPath, ["netns", "delete", name]), cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0 && File.Exists($"/run/netns/{name}"))
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, $"cannot delete network namespace {name}: {result.Stderr.Trim()}");
        }
    }

    private async Task RunAsync(List<string> args, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(new ProcessSpec(options.IpPath, args), cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, $"ip {string.Join(' ', args)} failed: {result.Stderr.Trim()}");
        }
    }
}
