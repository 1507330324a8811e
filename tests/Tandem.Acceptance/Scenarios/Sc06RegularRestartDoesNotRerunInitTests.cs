using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-06: restarting a regular container does not re-run init containers (Always).</summary>
public sealed class Sc06RegularRestartDoesNotRerunInitTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Init_containers_do_not_run_again_when_the_regular_container_restarts()
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply("sc06.yaml");

        var latest = (await node.WaitForAsync(p => p.FindContainer("regular-1")?.RestartCount >= 3, TimeSpan.FromMinutes(2), "restartCount >= 3")).Pod;

        var log = node.Log;
        PodAssert.Log(node, log, log.HasRestarted("regular-1"), "HasRestarted(regular-1)");
        foreach (var init in new[] { "init-1", "init-2", "init-3" })
        {
            PodAssert.Log(node, log, log.HasNotRestarted(init), $"HasNotRestarted({init})");
            PodAssert.RestartCount(latest, init, 0);
            PodAssert.Terminated(latest, init, 0, "Completed");
        }
        foreach (var (a, b) in new[] { ("init-1", "init-2"), ("init-2", "init-3"), ("init-3", "regular-1") })
        {
            PodAssert.Log(node, log, log.StartsBefore(a, b), $"StartsBefore({a}, {b})");
            PodAssert.Log(node, log, log.ExitsBefore(a, b), $"ExitsBefore({a}, {b})");
        }
        foreach (var after in node.Observations.SkipWhile(o => !o.Pod.FindContainer("regular-1").IsRunning()))
        {
            PodAssert.Condition(after.Pod, "Initialized", "True");
        }
        // Container GC (MaxPerPodContainer = 1): of regular-1's instances only the newest and the one before it
        // remain, with their logs (current and --previous); the older ones are gone from the runtime and the disk.
        // The worker removes them right after it publishes the status that showed the new instance.
        var logDirectory = Path.Combine(node.Kubelet.Options.LogDirectory, $"default_sc06_{latest.Metadata!.Uid}", "regular-1");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Directory.GetFiles(logDirectory).Length > 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.InRange(Directory.GetFiles(logDirectory).Length, 1, 2);
        Assert.InRange(Directory.GetDirectories(Path.Combine(node.Options.StateRoot, "containers")).Length, 1, 5);
        await node.FinishAsync();
    }
}
