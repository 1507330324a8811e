using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-31: a sidecar's non-zero exit on SIGTERM does not change the outcome of a deletion.</summary>
public sealed class Sc31SidecarNonZeroExitOnDeletionTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_deleted_pod_succeeds_although_a_sidecar_exits_non_zero()
    {
        await using var node = await ScenarioNode.StartAsync();
        var run = await DeletionRun.RunAsync(node, "sc31.yaml", 30);

        var final = run.Final;
        PodAssert.Phase(final, "Succeeded");
        PodAssert.Terminated(final, "regular-1", 0, "Completed");
        PodAssert.Terminated(final, "sidecar-1", 0, "Completed");
        PodAssert.Terminated(final, "sidecar-2", 1, "Error");
        PodAssert.Terminated(final, "sidecar-3", 0, "Completed");
        var log = node.Log;
        string[] order = ["regular-1", "sidecar-3", "sidecar-2", "sidecar-1"];
        for (var i = 1; i < order.Length; i++)
        {
            PodAssert.Log(node, log, log.ExitsBefore(order[i - 1], order[i]), $"ExitsBefore({order[i - 1]}, {order[i]})");
            // Each TERM handler sleeps 1 s before it exits.
            Timing.LogGap(log.First(order[i - 1], "Exiting"), log.First(order[i], "Exiting"), 1, 1, order[i] + " exit");
        }
        await node.FinishAsync();
    }
}
