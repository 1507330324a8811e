using Tandem.Runtime.Runc;

namespace Tandem.Runtime.Tests;

/// <summary>
/// The test assembly doubles as a stand-in node process for the kill test: <c>hold-pod STATE
/// PREFIX IMAGE</c> starts a pod with running containers, prints <c>ready</c> and waits to be
/// SIGKILLed, so a fresh runtime instance can prove it cleans up, or takes over, what a dead one left.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 4 || args[0] != "hold-pod")
        {
            Console.Error.WriteLine("usage: Tandem.Runtime.Tests hold-pod STATE_ROOT HOST_PREFIX IMAGE");
            return 2;
        }
        var runtime = new RuncRuntime(new RuncRuntimeOptions { StateRoot = args[1], HostPrefix = args[2], DockerConfigPath = null });
        var name = "held";
        var config = new PodSandboxConfig
        {
            Name = name,
            Namespace = "default",
            Uid = Guid.NewGuid().ToString(),
            Hostname = name,
            LogDirectory = Path.Combine(args[1], "logs"),
            ShareProcessNamespace = true,
        };
        var sandbox = await runtime.Sandboxes.RunPodSandboxAsync(config, CancellationToken.None);
        foreach (var (container, command) in new[]
        {
            ("sleeper", new[] { "sleep", "1000" }),
            ("server", new[] { "httpd", "-f", "-p", "8080" }),
            ("counter", new[] { "sh", "-c", "i=0; while true; do echo line-$i; i=$((i+1)); sleep 0.05; done" }),
        })
        {
            var id = await runtime.Containers.CreateContainerAsync(sandbox, new ContainerConfig
            {
                Name = container,
                Image = args[3],
                Command = command,
                LogPath = Path.Combine(args[1], "logs", container + ".log"),
            }, config, CancellationToken.None);
            await runtime.Containers.StartContainerAsync(id, CancellationToken.None);
        }
        Console.WriteLine("ready " + sandbox);
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
