using Tandem.Acceptance.Support;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-40: a failing regular container with a sidecar, under Never (the pod fails) and OnFailure (it restarts).</summary>
internal static class Sc40
{
    public static async Task NeverAsync()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc40.yaml");

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

        PodAssert.Phase(final, "Failed");
        PodAssert.Terminated(final, "regular-1", 1, "Error");
        PodAssert.Terminated(final, "sidecar-1", 0, "Completed");
        PodAssert.RestartCount(final, "regular-1", 0);
        PodAssert.RestartCount(final, "sidecar-1", 0);
        PodAssert.Condition(final, "ContainersReady", "False", "PodFailed");
        // Running until the sidecar has exited, then Failed.
        foreach (var observation in node.Observations.Where(o => o.Pod.FindContainer("sidecar-1").IsRunning()))
        {
            Assert.False(observation.Pod.IsTerminal(), PodDescription.Describe(observation.Pod));
        }
        foreach (var observation in node.Observations.SkipWhile(o => !o.Pod.FindContainer("regular-1").IsRunning()).Where(o => !o.Pod.IsTerminal()))
        {
            PodAssert.Phase(observation.Pod, "Running");
        }
        var regularStart = (await node.WaitForAsync(p => p.FindContainer("regular-1").IsRunning(), TimeSpan.Zero, "regular-1 running")).Pod
            .Container("regular-1").State!.Running!.StartedAt!.Value;
        var failed = await node.WaitForAsync(p => p.IsTerminal(), TimeSpan.Zero, "terminal");
        Timing.AtMost(failed.At - regularStart, Timing.Seconds(3) + Timing.UpperSlack, "Failed after regular-1 started");
        await node.FinishAsync();
    }

    public static async Task OnFailureAsync()
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply("sc40-onfailure.yaml");

        var latest = (await node.WaitForAsync(p => p.FindContainer("regular-1")?.RestartCount >= 2, TimeSpan.FromMinutes(2), "regular-1 restartCount >= 2")).Pod;

        var backingOff = (await node.WaitForAsync(p => p.FindContainer("regular-1").WaitingReason() == "CrashLoopBackOff", TimeSpan.Zero, "CrashLoopBackOff")).Pod;
        PodAssert.Condition(backingOff, "Ready", "False");
        PodAssert.Phase(backingOff, "Running");
        var sidecar = latest.Container("sidecar-1");
        Assert.True(sidecar.IsRunning() && sidecar.RestartCount == 0, PodDescription.Describe(latest));
        Assert.All(node.Observations.SkipWhile(o => o.Pod.Phase() != "Running"), o => PodAssert.Phase(o.Pod, "Running"));
        await node.FinishAsync();
    }
}
