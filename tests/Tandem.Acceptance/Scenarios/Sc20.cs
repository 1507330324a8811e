using Tandem.Acceptance.Support;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-20: an init container before the sidecar keeps failing (OnFailure, Always): Pending forever.</summary>
internal static class Sc20
{
    public static async Task RunAsync(string manifest)
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply(manifest);

        await node.WaitForAsync(p => p.FindContainer("init-1")?.RestartCount >= 3, TimeSpan.FromMinutes(2), "init-1 restartCount >= 3");

        Assert.All(node.Observations, o => PodAssert.Phase(o.Pod, "Pending"));
        var backingOff = (await node.WaitForAsync(p => p.FindContainer("init-1").WaitingReason() == "CrashLoopBackOff", TimeSpan.Zero, "CrashLoopBackOff")).Pod;
        var last = backingOff.Container("init-1").LastState?.Terminated;
        Assert.True(last is { ExitCode: 1, Reason: "Error" }, PodDescription.Describe(backingOff));
        var log = node.Log;
        PodAssert.Log(node, log, log.HasRestarted("init-1"), "HasRestarted(init-1)");
        PodAssert.Log(node, log, log.DoesntStart("sidecar-1"), "DoesntStart(sidecar-1)");
        // Back-off 0, 10, 20 s.
        var gaps = ContainerInstances.Gaps(node.Observations, "init-1");
        Assert.True(gaps.Count >= 3, "gaps seen: " + gaps.Count);
        Timing.AtMost(gaps[0], Timing.UpperSlack, "gap(1)");
        Timing.AtLeast(gaps[1], Timing.Seconds(10), "gap(2)");
        Timing.AtLeast(gaps[2], Timing.Seconds(20), "gap(3)");
        await node.FinishAsync();
    }
}
