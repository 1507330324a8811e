using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-39 (b): a sidecar is killed after three failed startup probes; main never starts.</summary>
public sealed class Sc39StartupProbeFailureTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_sidecar_failing_its_startup_probe_is_killed_and_main_never_starts()
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply("sc39b.yaml");

        var started = (await node.WaitForAsync(p => p.FindContainer("sidecar").IsRunning(), TimeSpan.FromSeconds(60), "sidecar running")).Pod
            .Container("sidecar").State!.Running!.StartedAt!.Value;
        var killing = await node.WaitForEventAsync(e => e.Reason == "Killing", TimeSpan.FromSeconds(90), "Killing");
        // Probes at 15, 25, 35 s: the third failure kills it. sleep ignores SIGTERM, so the restart follows the 30 s grace.
        Timing.Between(killing.FirstTimestamp!.Value - started, Timing.Seconds(35), Timing.Seconds(45) + Timing.UpperSlack, "kill after start");
        Assert.StartsWith("Init container sidecar failed startup probe", killing.Message, StringComparison.Ordinal);
        await node.WaitForAsync(p => p.FindContainer("sidecar")?.RestartCount >= 1, TimeSpan.FromSeconds(60), "sidecar restartCount >= 1");
        Assert.All(node.Observations, o => PodAssert.Phase(o.Pod, "Pending"));
        Assert.DoesNotContain(node.Observations, o => o.Pod.FindContainer("main") is { State.Waiting: null });
        await node.FinishAsync();
    }
}
