using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-24: a sidecar's failed liveness probe runs preStop, the sidecar restarts, and the next container still starts (Always).</summary>
public sealed class Sc24SidecarLivenessProbeFailureTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_sidecar_failing_liveness_restarts_and_does_not_gate_the_regular_container()
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply("sc24.yaml");

        await node.WaitForAsync(p => p.FindContainer("sidecar-1")?.RestartCount >= 2 && p.FindContainer("regular-1")?.RestartCount >= 1,
            TimeSpan.FromMinutes(2), "sidecar-1 restartCount >= 2 and regular-1 restartCount >= 1");

        var log = node.Log;
        PodAssert.Log(node, log, log.RunTogether("sidecar-1", "PreStop-sidecar-1"), "RunTogether(sidecar-1, PreStop-sidecar-1)");
        PodAssert.Log(node, log, log.Starts("regular-1"), "Starts(regular-1)");
        Assert.Contains(node.Events, e => e.Reason == "Killing" && e.Message!.StartsWith("Init container sidecar-1 failed liveness probe", StringComparison.Ordinal));
        await node.FinishAsync();
    }
}
