using Tandem.Runtime.Runc;
using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

/// <summary>Removal after an exit: the exit already removed runc's state, so removal needs no host process (pod deletion latency).</summary>
public sealed class RemovalTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task ExitedContainer_IsRemovedWithoutRunningRuncAgain()
    {
        var environment = await Requirements.RequireAsync();
        var runner = new RecordingProcessRunner();
        var isolated = await IsolatedRuntime.CreateAsync(environment, runner);
        var runtime = isolated.Runtime;
        var name = "rm" + Guid.NewGuid().ToString("N")[..6];
        var pod = new PodSandboxConfig
        {
            Name = name,
            Namespace = "default",
            Uid = Guid.NewGuid().ToString(),
            Hostname = name,
            LogDirectory = Path.Combine(environment.Root, "logs", name),
        };
        var sandbox = await runtime.Sandboxes.RunPodSandboxAsync(pod, CancellationToken.None);
        var config = new ContainerConfig { Name = "done", Image = isolated.Image, Command = ["true"], LogPath = Path.Combine(pod.LogDirectory, "done.log") };
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = runtime.Containers.WatchAsync(watching.Token).GetAsyncEnumerator(watching.Token);
        var id = await runtime.Containers.CreateContainerAsync(sandbox, config, pod, CancellationToken.None);
        await runtime.Containers.StartContainerAsync(id, CancellationToken.None);
        while (await events.MoveNextAsync() && !(events.Current.ContainerId == id && events.Current.State == ContainerState.Exited))
        {
        }
        Assert.Equal(ContainerState.Exited, (await runtime.Containers.ContainerStatusAsync(id, CancellationToken.None)).State);
        runner.Clear();

        await runtime.Containers.RemoveContainerAsync(id, CancellationToken.None);

        Assert.Empty(runner.Started);
        Assert.DoesNotContain(Leftovers.Find(isolated.Options), l => l.Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain(await runtime.Containers.ListContainersAsync(sandbox, CancellationToken.None), c => c.Id == id);
        await runtime.Sandboxes.RemovePodSandboxAsync(sandbox, CancellationToken.None);
        Assert.Empty(Leftovers.Find(isolated.Options));
        await events.DisposeAsync();
    }
}
