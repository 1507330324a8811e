using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-16: a sidecar that exits 0 over and over is restarted before and after the regular container starts (Never).</summary>
public sealed class Sc16SidecarExitingZeroRestartsTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_sidecar_exiting_zero_is_restarted_with_back_off_and_the_pod_completes()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc16.yaml");

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));
        var terminal = await node.WaitForAsync(p => p.IsTerminal(), TimeSpan.Zero, "terminal");

        PodAssert.Phase(final, "Succeeded");
        var log = node.Log;
        PodAssert.Log(node, log, log.StartsBefore("sidecar-1", "regular-1"), "StartsBefore(sidecar-1, regular-1)");
        PodAssert.Log(node, log, log.StartsBefore("regular-1", "sidecar-1"), "StartsBefore(regular-1, sidecar-1)");
        PodAssert.Log(node, log, log.HasNotRestarted("init-1"), "HasNotRestarted(init-1)");
        PodAssert.Log(node, log, log.HasNotRestarted("regular-1"), "HasNotRestarted(regular-1)");
        Assert.True(node.Observations.Max(o => o.Pod.FindContainer("sidecar-1")?.RestartCount ?? 0) >= 2, "sidecar-1 restarted fewer than 2 times");
        // R20: the same back-off as any container: about 0, then at least 10 s, 20 s.
        var gaps = ContainerInstances.Gaps(node.Observations, "sidecar-1");
        Assert.True(gaps.Count >= 2, "sidecar-1 instances seen: " + gaps.Count);
        Timing.AtMost(gaps[0], Timing.UpperSlack, "gap(1)");
        Timing.AtLeast(gaps[1], Timing.Seconds(10), "gap(2)");
        if (gaps.Count >= 3)
        {
            Timing.AtLeast(gaps[2], Timing.Seconds(20), "gap(3)");
        }
        // R31: a sidecar that exited 0 shows terminated{0, Completed} between restarts, never CrashLoopBackOff.
        Assert.DoesNotContain(node.Observations, o => o.Pod.FindContainer("sidecar-1").WaitingReason() == "CrashLoopBackOff");
        Assert.Contains(node.Observations, o => o.Pod.FindContainer("sidecar-1") is { RestartCount: > 0, State.Terminated: { ExitCode: 0, Reason: "Completed" } });
        // "About 60–75 s after creation", counted from the first container start: the image pull before it takes a
        // varying time when every scenario runs at once on two cores.
        var firstStart = log.First("sidecar-1", "Starting");
        Timing.Between(terminal.At - firstStart, Timing.Seconds(60), Timing.Seconds(75) + Timing.UpperSlack + Timing.LogResolution, "Succeeded after the first start");
        Assert.DoesNotContain(node.Observations.SkipWhile(o => !o.Pod.FindContainer("regular-1").IsRunning()), o => o.Pod.Phase() == "Pending");
        await node.FinishAsync();
    }
}
