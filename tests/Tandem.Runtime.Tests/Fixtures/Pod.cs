using Tandem.Runtime.Runc;

namespace Tandem.Runtime.Tests.Fixtures;

/// <summary>A sandbox for one test, removed (with everything in it) when the test ends.</summary>
public sealed class Pod : IAsyncDisposable
{
    private Pod(RuntimeEnvironment environment, string id, PodSandboxConfig config)
    {
        Environment = environment;
        Id = id;
        Config = config;
    }

    public RuntimeEnvironment Environment { get; }

    public RuncRuntime Runtime => Environment.Runtime;

    public string Id { get; }

    public PodSandboxConfig Config { get; }

    public static async Task<Pod> StartAsync(RuntimeEnvironment environment, Func<PodSandboxConfig, PodSandboxConfig>? configure = null)
    {
        var name = "p" + Guid.NewGuid().ToString("N")[..8];
        var config = new PodSandboxConfig
        {
            Name = name,
            Namespace = "default",
            Uid = Guid.NewGuid().ToString(),
            Hostname = name,
            LogDirectory = Path.Combine(environment.Root, "logs", name),
        };
        config = configure?.Invoke(config) ?? config;
        var id = await environment.Runtime.Sandboxes.RunPodSandboxAsync(config, CancellationToken.None);
        return new Pod(environment, id, config);
    }

    public ContainerConfig Container(string name, params string[] command) => new()
    {
        Name = name,
        Image = Environment.Busybox,
        Command = command,
        LogPath = Path.Combine(Config.LogDirectory, name, "0.log"),
    };

    /// <summary>Creates and starts a container; returns its id.</summary>
    public async Task<string> RunAsync(ContainerConfig config)
    {
        var id = await Runtime.Containers.CreateContainerAsync(Id, config, Config, CancellationToken.None);
        await Runtime.Containers.StartContainerAsync(id, CancellationToken.None);
        return id;
    }

    /// <summary>Waits (bounded) until the container has exited and returns its final status.</summary>
    public async Task<ContainerStatus> WaitForExitAsync(string containerId, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var status = await Runtime.Containers.ContainerStatusAsync(containerId, CancellationToken.None);
            if (status.State == ContainerState.Exited)
            {
                return status;
            }
            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>Waits (bounded) until the container's log has a line with the text.</summary>
    public async Task WaitForLogAsync(string logPath, string text, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!File.Exists(logPath) || !(await LogLinesAsync(logPath)).Contains(text))
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>The log's text lines without the CRI prefix.</summary>
    public static async Task<string[]> LogLinesAsync(string logPath) =>
        [.. (await File.ReadAllLinesAsync(logPath)).Select(l => l.Split(' ', 4) is { Length: 4 } f ? f[3] : l)];

    public ValueTask DisposeAsync() => new(Runtime.Sandboxes.RemovePodSandboxAsync(Id, CancellationToken.None));
}
