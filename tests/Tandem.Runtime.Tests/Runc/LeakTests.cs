using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Tandem.Runtime.Runc;
using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

/// <summary>Issue 3, point 5: after removal, also after failures and after the node process was SIGKILLed, nothing is left on the machine.</summary>
public sealed class LeakTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task PodWithRunningExitedAndUnstartedContainers_LeavesNothingAfterRemoval()
    {
        var environment = await Requirements.RequireAsync();
        var isolated = await IsolatedRuntime.CreateAsync(environment);
        var runtime = isolated.Runtime;
        var (sandbox, config) = await StartPodAsync(runtime, environment, shareProcessNamespace: false, hostPort: LocalRegistry.FreePort());
        var sleeper = await RunAsync(runtime, sandbox, config, isolated.Image, "sleeper", "sleep", "1000");
        await RunAsync(runtime, sandbox, config, isolated.Image, "server", "httpd", "-f", "-p", "8080");
        await RunAsync(runtime, sandbox, config, isolated.Image, "done", "true");
        await runtime.Containers.CreateContainerAsync(sandbox, Container(config, isolated.Image, "unstarted", "true"), config, CancellationToken.None);
        // An exec that times out leaves an orphan in the container; it must not survive either.
        await runtime.Containers.ExecSyncAsync(sleeper, ["sh", "-c", "sleep 500 & sleep 600"], TimeSpan.FromMilliseconds(200), CancellationToken.None);
        Assert.NotEmpty(Leftovers.Find(isolated.Options));

        await runtime.Sandboxes.StopPodSandboxAsync(sandbox, CancellationToken.None);
        await runtime.Sandboxes.RemovePodSandboxAsync(sandbox, CancellationToken.None);

        Assert.Empty(Leftovers.Find(isolated.Options));
        Assert.Empty(await runtime.Sandboxes.ListPodSandboxesAsync(CancellationToken.None));
        Assert.Empty(await runtime.Containers.ListContainersAsync(null, CancellationToken.None));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task ContainerThatFailsToStart_LeavesNothingAfterRemoval()
    {
        var environment = await Requirements.RequireAsync();
        var isolated = await IsolatedRuntime.CreateAsync(environment);
        var runtime = isolated.Runtime;
        var (sandbox, config) = await StartPodAsync(runtime, environment, shareProcessNamespace: true, hostPort: null);
        var broken = Container(config, isolated.Image, "broken", "true") with { Mounts = [new Mount("/nonexistent/tandem/volume", "/data", ReadOnly: false)] };
        var id = await runtime.Containers.CreateContainerAsync(sandbox, broken, config, CancellationToken.None);

        await Assert.ThrowsAsync<RuntimeException>(() => runtime.Containers.StartContainerAsync(id, CancellationToken.None));
        await runtime.Containers.RemoveContainerAsync(id, CancellationToken.None);
        Assert.DoesNotContain(Leftovers.Find(isolated.Options), l => l.Contains(id, StringComparison.Ordinal));
        await runtime.Sandboxes.RemovePodSandboxAsync(sandbox, CancellationToken.None);

        Assert.Empty(Leftovers.Find(isolated.Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task SandboxThatFailsMidway_LeavesNothing()
    {
        var environment = await Requirements.RequireAsync();
        var isolated = await IsolatedRuntime.CreateAsync(environment);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var busyPort = ((IPEndPoint)taken.LocalEndpoint).Port;

        // The hostPort is the last step: namespace, holder and mounts exist when it fails.
        var error = await Assert.ThrowsAsync<RuntimeException>(() => StartPodAsync(isolated.Runtime, environment, shareProcessNamespace: false, hostPort: busyPort));

        Assert.Equal(RuntimeErrorCode.FailedPrecondition, error.Code);
        Assert.Empty(Leftovers.Find(isolated.Options));
        Assert.Empty(await isolated.Runtime.Sandboxes.ListPodSandboxesAsync(CancellationToken.None));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task NodeProcessKilled_FreshInstanceFindsAndRemovesEverything()
    {
        var environment = await Requirements.RequireAsync();
        var isolated = await IsolatedRuntime.CreateAsync(environment);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "exec", typeof(LeakTests).Assembly.Location, "hold-pod", isolated.Options.StateRoot, isolated.Options.HostPrefix, isolated.Image })
        {
            info.ArgumentList.Add(arg);
        }
        using var node = Process.Start(info)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ready = await node.StandardOutput.ReadLineAsync(deadline.Token);
        if (ready?.StartsWith("ready ", StringComparison.Ordinal) != true)
        {
            node.Kill();
            Assert.Fail($"the stand-in node did not start: {ready} {await node.StandardError.ReadToEndAsync(deadline.Token)}");
        }
        var sandboxId = ready![6..];

        node.Kill();
        await node.WaitForExitAsync(deadline.Token);
        Assert.Contains(Leftovers.Find(isolated.Options), l => l.StartsWith("process", StringComparison.Ordinal));
        var fresh = isolated.Restart();
        var found = await fresh.Sandboxes.ListPodSandboxesAsync(CancellationToken.None);
        Assert.Equal([sandboxId], found.Select(s => s.Id));
        Assert.All(await fresh.Containers.ListContainersAsync(sandboxId, CancellationToken.None), c => Assert.Equal(ContainerState.Running, c.State));
        foreach (var sandbox in found)
        {
            await fresh.Sandboxes.StopPodSandboxAsync(sandbox.Id, CancellationToken.None);
            await fresh.Sandboxes.RemovePodSandboxAsync(sandbox.Id, CancellationToken.None);
        }

        Assert.Empty(Leftovers.Find(isolated.Options));
    }

    private static async Task<(string Id, PodSandboxConfig Config)> StartPodAsync(RuncRuntime runtime, RuntimeEnvironment environment, bool shareProcessNamespace, int? hostPort)
    {
        var name = "leak" + Guid.NewGuid().ToString("N")[..6];
        var config = new PodSandboxConfig
        {
            Name = name,
            Namespace = "default",
            Uid = Guid.NewGuid().ToString(),
            Hostname = name,
            LogDirectory = Path.Combine(environment.Root, "logs", name),
            ShareProcessNamespace = shareProcessNamespace,
            PortMappings = hostPort is { } port ? [new PortMapping("TCP", 8080, port, null)] : [],
        };
        return (await runtime.Sandboxes.RunPodSandboxAsync(config, CancellationToken.None), config);
    }

    private static ContainerConfig Container(PodSandboxConfig pod, string image, string name, params string[] command) => new()
    {
        Name = name,
        Image = image,
        Command = command,
        LogPath = Path.Combine(pod.LogDirectory, name + ".log"),
    };

    private static async Task<string> RunAsync(RuncRuntime runtime, string sandbox, PodSandboxConfig pod, string image, string name, params string[] command)
    {
        var id = await runtime.Containers.CreateContainerAsync(sandbox, Container(pod, image, name, command), pod, CancellationToken.None);
        await runtime.Containers.StartContainerAsync(id, CancellationToken.None);
        return id;
    }
}
