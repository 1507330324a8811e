using System.Net;
using Tandem.Sidecars.Proxy.Lifecycle;

namespace Tandem.Sidecars.Proxy.Tests.Support;

/// <summary>A proxy started from a YAML file in a temp directory, with listeners on free loopback ports.</summary>
public sealed class RunningProxy : IAsyncDisposable
{
    private RunningProxy(ProxyHost host, TempDirectory directory, string configPath)
    {
        Host = host;
        Directory = directory;
        ConfigPath = configPath;
    }

    public ProxyHost Host { get; }

    public TempDirectory Directory { get; }

    public string ConfigPath { get; }

    public Uri HttpAddress => new($"http://127.0.0.1:{Host.HttpEndpoint!.Port}/");

    public Uri HttpsAddress => new($"https://localhost:{Host.HttpsEndpoint!.Port}/");

    /// <summary>Writes <paramref name="yaml"/> (admin on a free port unless given) and starts the proxy on it.</summary>
    public static async Task<RunningProxy> StartAsync(string yaml, TempDirectory? directory = null, bool watchConfig = false)
    {
        directory ??= new TempDirectory();
        var path = directory.File("proxy.yaml");
        await File.WriteAllTextAsync(path, WithDefaults(yaml));
        var host = await ProxyHost.StartAsync(path, new ProxyHostOptions { HandleSignals = false, WatchConfigFile = watchConfig }, CancellationToken.None);
        return new RunningProxy(host, directory, path);
    }

    public HttpClient CreateClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = HttpAddress };

    public async Task<ReloadResult> RewriteAsync(string yaml)
    {
        await File.WriteAllTextAsync(ConfigPath, WithDefaults(yaml));
        return await Host.ReloadAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Dispose();
    }

    public static string WithDefaults(string yaml)
    {
        var text = yaml;
        if (!text.Contains("admin:", StringComparison.Ordinal))
        {
            text += "\nadmin:\n  port: 0\n";
        }
        if (!text.Contains("accessLog:", StringComparison.Ordinal))
        {
            text += "\naccessLog:\n  enabled: false\n";
        }
        return text;
    }

    public static HttpStatusCode Status(HttpResponseMessage response) => response.StatusCode;
}
