using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-39 (a): a failing liveness probe restarts the sidecar; the pod stays Running and initialized.</summary>
public sealed class Sc39LivenessRestartsSidecarTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_sidecar_failing_liveness_is_restarted()
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply("sc39a.yaml");

        var restarted = (await node.WaitForAsync(p => p.FindContainer("sidecar")?.RestartCount >= 1, TimeSpan.FromMinutes(4), "sidecar restartCount >= 1")).Pod;

        Assert.Contains(node.Events, e => e.Reason == "Killing" && e.Message!.StartsWith("Init container sidecar failed liveness probe", StringComparison.Ordinal));
        PodAssert.RestartCount(restarted, "main", 0);
        foreach (var after in node.Observations.SkipWhile(o => o.Pod.Phase() != "Running"))
        {
            PodAssert.Phase(after.Pod, "Running");
            PodAssert.Condition(after.Pod, "Initialized", "True");
        }
        await node.FinishAsync();
    }
}
