using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-39 (c): liveness never runs before the startup probe succeeds.</summary>
public sealed class Sc39StartupGatesLivenessTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_failing_liveness_probe_does_not_run_before_startup_succeeds()
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply("sc39c.yaml");
        await node.WaitForAsync(p => p.FindContainer("sidecar").IsRunning(), TimeSpan.FromSeconds(60), "sidecar running");

        // The spec holds for 4 min; 75 s covers the liveness probe's first six chances (15 s delay, 10 s period,
        // threshold 1), any one of which would have killed the sidecar were liveness not gated.
        await Task.Delay(TimeSpan.FromSeconds(75));

        Assert.DoesNotContain(node.Observations, o => o.Pod.FindContainer("sidecar")?.RestartCount > 0);
        Assert.DoesNotContain(node.Events, e => e.Reason == "Killing");
        Assert.DoesNotContain(node.Observations, o => o.Pod.FindContainer("main") is { State.Waiting: null });
        await node.FinishAsync();
    }
}
