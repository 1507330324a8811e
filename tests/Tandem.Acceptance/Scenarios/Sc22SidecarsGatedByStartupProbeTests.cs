using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-22: sidecars with startup probes are started one after another, gated by the probe.</summary>
public sealed class Sc22SidecarsGatedByStartupProbeTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Each_sidecar_waits_for_the_previous_one_to_pass_its_startup_probe()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc22.yaml");

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));

        PodAssert.Phase(final, "Succeeded");
        var log = node.Log;
        PodAssert.Log(node, log, log.StartsBefore("sidecar-1", "sidecar-2"), "StartsBefore(sidecar-1, sidecar-2)");
        PodAssert.Log(node, log, log.StartsBefore("sidecar-2", "regular-1"), "StartsBefore(sidecar-2, regular-1)");
        // sidecar-2 is created once sidecar-1 is started: its START_DELAY is 10 s, so at least 10 s after sidecar-1 began.
        Timing.LogGap(log.First("sidecar-1", "Starting"), log.First("sidecar-2", "Starting"), 10, 20, "sidecar-2 after sidecar-1");
        var created = (await node.WaitForAsync(p => p.FindContainer("sidecar-2") is { State.Waiting: null }, TimeSpan.Zero, "sidecar-2 created")).Pod;
        Assert.True(created.Container("sidecar-1").Started, PodDescription.Describe(created));
        foreach (var before in node.Observations.TakeWhile(o => o.Pod.FindContainer("sidecar-2")?.Started != true).Where(o => o.Pod.Status?.Conditions is not null))
        {
            PodAssert.Phase(before.Pod, "Pending");
            PodAssert.Condition(before.Pod, "Initialized", "False");
        }
        await node.FinishAsync();
    }
}
