using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-14: with Always the regular container keeps restarting and the sidecar is untouched.</summary>
public sealed class Sc14AlwaysRestartsRegularOnlyTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task The_regular_container_restarts_and_the_sidecar_keeps_running()
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply("sc14.yaml");

        var latest = (await node.WaitForAsync(p => p.FindContainer("regular-1")?.RestartCount >= 2, TimeSpan.FromMinutes(2), "restartCount >= 2")).Pod;

        // Exit 0 still backs off under Always.
        var backingOff = (await node.WaitForAsync(p => p.FindContainer("regular-1").WaitingReason() == "CrashLoopBackOff", TimeSpan.Zero, "CrashLoopBackOff")).Pod;
        var last = backingOff.Container("regular-1").LastState?.Terminated;
        Assert.True(last is { ExitCode: 0, Reason: "Completed" }, PodDescription.Describe(backingOff));
        PodAssert.Condition(backingOff, "Ready", "False");
        PodAssert.Log(node, node.Log, node.Log.HasNotRestarted("sidecar-1"), "HasNotRestarted(sidecar-1)");
        var sidecar = latest.Container("sidecar-1");
        Assert.True(sidecar.IsRunning() && sidecar.Ready && sidecar.RestartCount == 0, PodDescription.Describe(latest));
        foreach (var after in node.Observations.SkipWhile(o => o.Pod.Phase() != "Running"))
        {
            PodAssert.Phase(after.Pod, "Running");
        }
        await node.FinishAsync();
    }
}
