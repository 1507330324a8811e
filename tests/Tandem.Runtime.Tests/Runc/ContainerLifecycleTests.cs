using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

public sealed class ContainerLifecycleTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Container_ThatExits_RecordsExitCodeAndLogs()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main", "sh", "-c", "echo hello; echo oops >&2; exit 3");

        var id = await pod.RunAsync(config);
        var status = await pod.WaitForExitAsync(id);

        Assert.Equal(3, status.ExitCode);
        Assert.Equal("Error", status.Reason);
        var lines = await Pod.LogLinesAsync(config.LogPath);
        Assert.Contains("hello", lines);
        Assert.Contains("oops", lines);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Container_WithTty_RunsOnATerminal_WhoseOutputIsLoggedAsStdout()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main", "sh", "-c", "[ -t 1 ] && echo on a terminal; tty; echo to stderr >&2") with { Tty = true };

        var id = await pod.RunAsync(config);
        var status = await pod.WaitForExitAsync(id);

        Assert.Equal(0, status.ExitCode);
        var lines = await File.ReadAllLinesAsync(config.LogPath);
        Assert.Contains(lines, l => l.Contains(" stdout F on a terminal", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" stdout F /dev/pts/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" stdout F to stderr", StringComparison.Ordinal));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Stop_WithTermHandler_ExitsCleanlyWithinGracePeriod()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main", "sh", "-c", "trap 'echo got-term; exit 0' TERM; echo ready; while true; do sleep 0.05; done");
        var id = await pod.RunAsync(config);
        await pod.WaitForLogAsync(config.LogPath, "ready");

        await pod.Runtime.Containers.StopContainerAsync(id, TimeSpan.FromSeconds(20), CancellationToken.None);

        var status = await pod.Runtime.Containers.ContainerStatusAsync(id, CancellationToken.None);
        Assert.Equal(ContainerState.Exited, status.State);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("got-term", await Pod.LogLinesAsync(config.LogPath));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Stop_IgnoringTerm_IsKilledAfterTimeoutWith137()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        // PID 1 without a handler ignores SIGTERM, so only SIGKILL ends it.
        var id = await pod.RunAsync(pod.Container("main", "sleep", "1000"));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await pod.Runtime.Containers.StopContainerAsync(id, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"stopped after {watch.Elapsed}, before the grace period ended");
        var status = await pod.Runtime.Containers.ContainerStatusAsync(id, CancellationToken.None);
        Assert.Equal(137, status.ExitCode);
        Assert.Equal("Error", status.Reason);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Container_OverItsMemoryLimit_EndsOomKilled()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("hog", "sh", "-c", "x=aaaaaaaaaaaaaaaa; while true; do x=$x$x; done") with
        {
            Resources = new ContainerResources { MemoryLimitBytes = 16 * 1024 * 1024 },
        };

        var status = await pod.WaitForExitAsync(await pod.RunAsync(config));

        Assert.Equal("OOMKilled", status.Reason);
        Assert.Equal(137, status.ExitCode);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Container_WritingTerminationMessage_ReportsIt()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main", "sh", "-c", "echo all done > /dev/termination-log") with { TerminationMessagePath = "/dev/termination-log" };

        var status = await pod.WaitForExitAsync(await pod.RunAsync(config));

        Assert.Equal(0, status.ExitCode);
        Assert.Equal("Completed", status.Reason);
        Assert.Equal("all done\n", status.Message);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Create_WithCommandNotInImage_FailsNamingTheCommand()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);

        var absolute = await Assert.ThrowsAsync<RuntimeException>(() =>
            pod.Runtime.Containers.CreateContainerAsync(pod.Id, pod.Container("main", "/no/such/binary"), pod.Config, CancellationToken.None));
        var searched = await Assert.ThrowsAsync<RuntimeException>(() =>
            pod.Runtime.Containers.CreateContainerAsync(pod.Id, pod.Container("main", "no-such-tool"), pod.Config, CancellationToken.None));

        Assert.Contains("stat /no/such/binary: no such file or directory", absolute.Message);
        Assert.Contains("\"no-such-tool\": executable file not found in $PATH", searched.Message);
        Assert.DoesNotContain(await pod.Runtime.Containers.ListContainersAsync(pod.Id, CancellationToken.None), c => c.Name == "main");
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Start_WithCommandThatCannotBeExecuted_FailsWithStartError()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        // It exists, so the create passes; the kernel refuses to execute it, so the start fails.
        var id = await pod.Runtime.Containers.CreateContainerAsync(pod.Id, pod.Container("main", "/etc/passwd"), pod.Config, CancellationToken.None);

        var error = await Assert.ThrowsAsync<RuntimeException>(() => pod.Runtime.Containers.StartContainerAsync(id, CancellationToken.None));

        Assert.Contains("/etc/passwd", error.Message);
        var status = await pod.Runtime.Containers.ContainerStatusAsync(id, CancellationToken.None);
        Assert.Equal(ContainerState.Exited, status.State);
        Assert.Equal("StartError", status.Reason);
        Assert.Equal(128, status.ExitCode);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Create_WithImageNotPulled_IsNotFound()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);

        var error = await Assert.ThrowsAsync<RuntimeException>(() =>
            pod.Runtime.Containers.CreateContainerAsync(pod.Id, pod.Container("main", "true") with { Image = "never-pulled:1" }, pod.Config, CancellationToken.None));

        Assert.Equal(RuntimeErrorCode.NotFound, error.Code);
        Assert.Contains("never-pulled:1", error.Message);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Watch_ReportsStartAndExit()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<ContainerState>();
        var events = pod.Runtime.Containers.WatchAsync(cancel.Token);
        var watching = Task.Run(async () =>
        {
            await foreach (var e in events)
            {
                if (e.SandboxId == pod.Id)
                {
                    seen.Add(e.State);
                    if (e.State == ContainerState.Exited)
                    {
                        return;
                    }
                }
            }
        });
        await pod.RunAsync(pod.Container("main", "true"));

        await watching.WaitAsync(cancel.Token);

        Assert.Equal([ContainerState.Created, ContainerState.Running, ContainerState.Exited], seen);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Resources_AreWrittenToTheContainersCgroups()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("limited", "sleep", "1000") with
        {
            Resources = new ContainerResources { MemoryLimitBytes = 64 * 1024 * 1024, CpuLimitMillis = 250, CpuRequestMillis = 500, PidsLimit = 42 },
        };

        var id = await pod.RunAsync(config);

        // The path runc was given; on this host's hybrid layout the v1 controllers hold the limits.
        var cgroup = $"/{environment.Options.HostPrefix}/{pod.Id}/{id}";
        if (File.Exists("/sys/fs/cgroup/cgroup.controllers"))
        {
            Assert.Equal("67108864", (await File.ReadAllTextAsync($"/sys/fs/cgroup{cgroup}/memory.max")).Trim());
            Assert.Equal("25000 100000", (await File.ReadAllTextAsync($"/sys/fs/cgroup{cgroup}/cpu.max")).Trim());
            Assert.Equal("42", (await File.ReadAllTextAsync($"/sys/fs/cgroup{cgroup}/pids.max")).Trim());
        }
        else
        {
            Assert.Equal("67108864", (await File.ReadAllTextAsync($"/sys/fs/cgroup/memory{cgroup}/memory.limit_in_bytes")).Trim());
            Assert.Equal("25000", (await File.ReadAllTextAsync($"/sys/fs/cgroup/cpu{cgroup}/cpu.cfs_quota_us")).Trim());
            Assert.Equal("512", (await File.ReadAllTextAsync($"/sys/fs/cgroup/cpu{cgroup}/cpu.shares")).Trim());
            Assert.Equal("42", (await File.ReadAllTextAsync($"/sys/fs/cgroup/pids{cgroup}/pids.max")).Trim());
        }
    }
}
