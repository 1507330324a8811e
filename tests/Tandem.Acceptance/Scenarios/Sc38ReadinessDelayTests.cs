using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-38 (a): sidecar readiness gates pod Ready but not startup order.</summary>
public sealed class Sc38ReadinessDelayTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Sidecar_readiness_gates_Ready_but_not_the_main_container()
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply("sc38a.yaml");

        var ready = (await node.WaitForAsync(p => p.Condition("Ready")?.Status == "True", TimeSpan.FromSeconds(90), "Ready=True")).Pod;

        var sidecarStart = ready.Container("sidecar").State!.Running!.StartedAt!.Value;
        var readyAt = ready.Condition("Ready")!.LastTransitionTime!.Value;
        Timing.AtLeast(readyAt - sidecarStart, Timing.Seconds(15), "Ready after the sidecar started");
        // main starts right away: before the sidecar is ready.
        Assert.Contains(node.Observations, o => o.Pod.FindContainer("main").IsRunning() && o.Pod.FindContainer("sidecar")?.Ready == false);
        foreach (var before in node.Observations.TakeWhile(o => o.Pod.Condition("Ready")?.Status != "True")
                     .Where(o => o.Pod.FindContainer("main").IsRunning()))
        {
            PodAssert.Condition(before.Pod, "ContainersReady", "False", message: "containers with unready status: [sidecar]");
        }
        PodAssert.RestartCount(ready, "sidecar", 0);
        PodAssert.RestartCount(ready, "main", 0);
        await node.FinishAsync();
    }
}
