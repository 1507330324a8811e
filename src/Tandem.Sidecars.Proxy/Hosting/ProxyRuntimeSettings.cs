using Tandem.Sidecars.Admin;

namespace Tandem.Sidecars.Proxy.Hosting;

/// <summary>
/// The runtime settings <c>tandem proxy</c> starts with (see <see cref="SidecarRuntime"/>): every
/// sidecar's, plus socket completions run inline on the epoll thread. A proxy's work per request
/// is short and never blocks, so handing each completion to a thread-pool worker costs more than
/// it saves: on one core it is a context switch per socket event (measured in docs/benchmarks.md).
/// </summary>
public static class ProxyRuntimeSettings
{
    public static IReadOnlyDictionary<string, string> All { get; } =
        new Dictionary<string, string>(SidecarRuntime.Common) { ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1" };
}
