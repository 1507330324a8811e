using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Tandem.Runtime.Runc;
using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

/// <summary>
/// Issue 4: containers outlive the node process. A runtime instance lets go of its containers (as a process that
/// dies or detaches on purpose does), they keep running and writing, and a new instance on the same state takes
/// them over with their logs intact.
/// </summary>
public sealed class RecoveryTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Detached_ContainerKeepsWriting_AndTheNextInstanceLogsEveryLineInOrder()
    {
        var environment = await Requirements.RequireAsync();
        var isolated = await IsolatedRuntime.CreateAsync(environment);
        var hostPort = LocalRegistry.FreePort();
        var (sandbox, pod) = await StartPodAsync(isolated, environment, hostPort);
        var config = Container(pod, isolated.Image, "counter", "sh", "-c",
            "i=0; while [ $i -lt 300 ]; do echo line-$i; i=$((i+1)); sleep 0.01; done; echo done; exit 3") with
        {
            Labels = new Dictionary<string, string> { ["app"] = "counter" },
            Annotations = new Dictionary<string, string> { ["note"] = "kept" },
        };
        var first = isolated.Runtime;
        var id = await RunAsync(first, sandbox, pod, config);
        await WaitForLogAsync(config.LogPath, "line-20");
        var before = await first.Containers.ContainerStatusAsync(id, CancellationToken.None);

        await first.DetachAsync();
        Assert.False(await AcceptsAsync(hostPort), "the detached instance still serves the hostPort");
        // Meanwhile the container writes on; its output waits in the FIFO.
        await Task.Delay(500);
        var second = isolated.Restart();
        var recovered = await second.RecoverAsync(CancellationToken.None);

        Assert.Equal(new RecoveryResult(1, 1, 0), recovered);
        var adopted = await second.Containers.ContainerStatusAsync(id, CancellationToken.None);
        Assert.Equal(ContainerState.Running, adopted.State);
        Assert.Equal(before.StartedAt, adopted.StartedAt);
        Assert.Equal(config.LogPath, adopted.LogPath);
        Assert.Equal("counter", adopted.Labels["app"]);
        Assert.Equal("kept", adopted.Annotations["note"]);
        Assert.Equal([sandbox], (await second.Sandboxes.ListPodSandboxesAsync(CancellationToken.None)).Where(s => s.Ready).Select(s => s.Id));
        Assert.True(await AcceptsAsync(hostPort), "the new instance does not serve the hostPort");
        var exited = await WaitForExitAsync(second, id);
        Assert.Equal(3, exited.ExitCode);
        var lines = await Pod.LogLinesAsync(config.LogPath);
        Assert.Equal([.. Enumerable.Range(0, 300).Select(i => $"line-{i}"), "done"], lines);

        await RemoveAsync(second, sandbox);
        Assert.Empty(Leftovers.Find(isolated.Options));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task ContainerKilledWhileDetached_IsReportedWithItsStatusUnknown()
    {
        var environment = await Requirements.RequireAsync();
        var isolated = await IsolatedRuntime.CreateAsync(environment);
        var (sandbox, pod) = await StartPodAsync(isolated, environment, hostPort: null);
        var sleeper = await RunAsync(isolated.Runtime, sandbox, pod, Container(pod, isolated.Image, "sleeper", "sleep", "1000"));
        var survivor = await RunAsync(isolated.Runtime, sandbox, pod, Container(pod, isolated.Image, "survivor", "sleep", "1000"));
        var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(isolated.Options.StateRoot, "containers", sleeper, "init.pid")), CultureInfo.InvariantCulture);

        await isolated.Runtime.DetachAsync();
        System.Diagnostics.Process.GetProcessById(pid).Kill();
        await WaitUntilDeadAsync(pid);
        var second = isolated.Restart();
        var recovered = await second.RecoverAsync(CancellationToken.None);

        Assert.Equal(new RecoveryResult(1, 1, 1), recovered);
        var lost = await second.Containers.ContainerStatusAsync(sleeper, CancellationToken.None);
        Assert.Equal(ContainerState.Exited, lost.State);
        Assert.Equal(137, lost.ExitCode);
        Assert.Equal("ContainerStatusUnknown", lost.Reason);
        Assert.Contains("exit code was lost", lost.Message, StringComparison.Ordinal);
        Assert.Equal(ContainerState.Running, (await second.Containers.ContainerStatusAsync(survivor, CancellationToken.None)).State);
        // The adopted container is stopped like any other.
        await second.Containers.StopContainerAsync(survivor, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(ContainerState.Exited, (await second.Containers.ContainerStatusAsync(survivor, CancellationToken.None)).State);

        await RemoveAsync(second, sandbox);
        Assert.Empty(Leftovers.Find(isolated.Options));
    }

    private static async Task WaitUntilDeadAsync(int pid)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z", StringComparison.Ordinal))
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<ContainerStatus> WaitForExitAsync(RuncRuntime runtime, string id)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var status = await runtime.Containers.ContainerStatusAsync(id, CancellationToken.None);
            if (status.State == ContainerState.Exited)
            {
                return status;
            }
            await Task.Delay(20, deadline.Token);
        }
    }

    private static async Task WaitForLogAsync(string path, string line)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!File.Exists(path) || !(await Pod.LogLinesAsync(path)).Contains(line))
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    private static async Task RemoveAsync(RuncRuntime runtime, string sandbox)
    {
        await runtime.Sandboxes.StopPodSandboxAsync(sandbox, CancellationToken.None);
        await runtime.Sandboxes.RemovePodSandboxAsync(sandbox, CancellationToken.None);
    }

    private static async Task<(string Id, PodSandboxConfig Config)> StartPodAsync(IsolatedRuntime isolated, RuntimeEnvironment environment, int? hostPort)
    {
        var name = "rec" + Guid.NewGuid().ToString("N")[..6];
        var config = new PodSandboxConfig
        {
            Name = name,
            Namespace = "default",
            Uid = Guid.NewGuid().ToString(),
            Hostname = name,
            LogDirectory = Path.Combine(environment.Root, "logs", name),
            PortMappings = hostPort is { } port ? [new PortMapping("TCP", 8080, port, null)] : [],
        };
        return (await isolated.Runtime.Sandboxes.RunPodSandboxAsync(config, CancellationToken.None), config);
    }

    private static ContainerConfig Container(PodSandboxConfig pod, string image, string name, params string[] command) => new()
    {
        Name = name,
        Image = image,
        Command = command,
        LogPath = Path.Combine(pod.LogDirectory, name, "0.log"),
    };

    private static async Task<string> RunAsync(RuncRuntime runtime, string sandbox, PodSandboxConfig pod, ContainerConfig config)
    {
        var id = await runtime.Containers.CreateContainerAsync(sandbox, config, pod, CancellationToken.None);
        await runtime.Containers.StartContainerAsync(id, CancellationToken.None);
        return id;
    }
}
