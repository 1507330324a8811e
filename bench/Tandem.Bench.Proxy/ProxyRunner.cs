using Tandem.Sidecars.Admin;
using Tandem.Sidecars.Proxy;
using Tandem.Sidecars.Proxy.Hosting;

namespace Tandem.Bench.Proxy;

/// <summary>Runs the proxy sidecar until SIGTERM, like <c>tandem proxy --config FILE</c>, without console logging.</summary>
internal static class ProxyRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        SidecarRuntime.ApplyByReexec(ProxyRuntimeSettings.All, Console.Error);
        var config = args.Length == 2 && args[0] == "--config" ? args[1] : throw new ArgumentException("proxy --config FILE");
        await using var host = await ProxyHost.StartAsync(config, new ProxyHostOptions(), CancellationToken.None);
        return await host.RunAsync(CancellationToken.None);
    }
}
