using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-05: crash-loop back-off of a regular container (Always).</summary>
public sealed class Sc05CrashLoopBackOffTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_failing_container_restarts_with_doubling_back_off()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc05.yaml");

        await node.WaitForAsync(p => p.FindContainer("regular-1")?.RestartCount >= 3, TimeSpan.FromMinutes(2), "restartCount >= 3");
        // gap(4) needs the fifth instance: restart 4 comes about 40 s after the fourth exit.
        await node.WaitForAsync(p => p.FindContainer("regular-1")?.RestartCount >= 4 && p.FindContainer("regular-1")?.State?.Waiting is null,
            TimeSpan.FromSeconds(75), "the fifth instance");
        var gaps = ContainerInstances.Gaps(node.Observations, "regular-1");
        Assert.True(gaps.Count >= 4, "gaps seen: " + gaps.Count);
        Timing.AtMost(gaps[0], Timing.UpperSlack, "gap(1)");
        Timing.AtLeast(gaps[1], Timing.Seconds(10), "gap(2)");
        Timing.AtLeast(gaps[2], Timing.Seconds(20), "gap(3)");
        Timing.AtLeast(gaps[3], Timing.Seconds(40), "gap(4)");

        var backingOff = (await node.WaitForAsync(p => p.FindContainer("regular-1").WaitingReason() == "CrashLoopBackOff", TimeSpan.Zero, "CrashLoopBackOff")).Pod;
        var uid = backingOff.Metadata!.Uid;
        var status = backingOff.Container("regular-1");
        Assert.Equal($"back-off 10s restarting failed container=regular-1 pod=sc05_default({uid})", status.State!.Waiting!.Message);
        Assert.Equal((1, "Error"), (status.LastState!.Terminated!.ExitCode, status.LastState.Terminated.Reason));
        Assert.False(status.Ready);
        Assert.False(status.Started);
        PodAssert.Phase(backingOff, "Running");
        PodAssert.Condition(backingOff, "Ready", "False", "ContainersNotReady", "containers with unready status: [regular-1]");
        Assert.Contains(node.Events, e => e.Reason == "BackOff");
        await node.FinishAsync();
    }

    [Trait("Category", "Slow")]
    [SlowScenarioFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task The_back_off_is_capped_at_300_seconds()
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply("sc05.yaml");

        // Gaps 0, 10, 20, 40, 80, 160, 300, 300: the eighth restart comes after the first 300 s gap has passed twice.
        await node.WaitForAsync(p => p.FindContainer("regular-1")?.RestartCount >= 8 && p.FindContainer("regular-1")?.State?.Waiting is null,
            TimeSpan.FromMinutes(20), "the ninth instance");
        var gaps = ContainerInstances.Gaps(node.Observations, "regular-1");
        Assert.True(gaps.Count >= 7, "instances seen: " + gaps.Count);
        foreach (var gap in gaps.Skip(6))
        {
            // Upstream ("should cap back-off at MaxContainerBackOff") tolerates up to 390 s.
            Timing.Between(gap, Timing.Seconds(300), Timing.Seconds(390), "capped gap");
        }
        await node.FinishAsync();
    }
}
