using Tandem.Sidecars.Admin;

namespace Tandem.Sidecars.Proxy.Hosting;

/// <summary>
/// The runtime settings <c>tandem proxy</c> starts with (see <see cref="SidecarRuntime"/>), each
/// measured on one core under wrk and at 1,000 requests/s (docs/benchmarks.md, "Proxy sidecar"):
/// <list type="bullet">
/// <item>socket completions run inline on the epoll thread: a proxy's work per request is short
/// and never blocks, and handing each completion to a thread-pool worker is a context switch per
/// socket event (104 -> 60 µs per request together with the next two);</item>
/// <item>no call-counting delay: optimized code within seconds of start under load;</item>
/// <item>thread-pool workers sleep instead of spinning, which at a steady 1,000 requests/s costs
/// more than the work;</item>
/// <item>a 4 MiB gen0 budget (the default follows the CPU's cache size): 12 MiB less resident.</item>
/// </list>
/// </summary>
public static class ProxyRuntimeSettings
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(SidecarRuntime.Common)
    {
        ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1",
        ["DOTNET_TC_CallCountingDelayMs"] = "0",
        ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
        ["DOTNET_GCgen0size"] = "0x400000",
    };
}
