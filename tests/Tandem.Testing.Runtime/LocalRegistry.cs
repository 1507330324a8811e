using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tandem.Testing.Runtime;

/// <summary>A real Distribution registry (Debian's docker-registry) on 127.0.0.1, plain HTTP, storage in a temp dir.</summary>
public sealed class LocalRegistry : IDisposable
{
    private readonly Process _process;

    private LocalRegistry(Process process, string address, string directory)
    {
        _process = process;
        Address = address;
        Directory = directory;
    }

    public string Address { get; }

    public string Directory { get; }

    /// <summary>Starts a registry; with <paramref name="htpasswd"/> it demands basic auth (bcrypt htpasswd file).</summary>
    public static async Task<LocalRegistry> StartAsync(string directory, CancellationToken cancellationToken, string? htpasswd = null)
    {
        var port = FreePort();
        System.IO.Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {directory}/data
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
            {(htpasswd is null ? "" : $"auth:\n  htpasswd:\n    realm: tandem-test\n    path: {htpasswd}\n")}
            """, cancellationToken);
        var info = new ProcessStartInfo("docker-registry") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(config);
        var process = Process.Start(info)!;
        await File.WriteAllTextAsync(Path.Combine(directory, "registry.pid"), process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new LocalRegistry(process, $"127.0.0.1:{port}", directory);
        using var http = new HttpClient();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var response = await http.GetAsync($"http://{registry.Address}/v2/", deadline.Token);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return registry;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>A port nobody listens on, for "registry down" tests.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
