using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-33: a regular container that overruns the grace period gets 137, the pod Fails, and sidecars get only 2 s.</summary>
public sealed class Sc33RegularOverrunsGraceTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_regular_container_overrunning_the_grace_period_fails_the_pod()
    {
        await using var node = await ScenarioNode.StartAsync();
        var run = await DeletionRun.RunAsync(node, "sc33.yaml", 5);

        var final = run.Final;
        PodAssert.Phase(final, "Failed");
        PodAssert.Terminated(final, "regular-1", 137, "Error");
        PodAssert.Terminated(final, "sidecar-1", 137, "Error");
        PodAssert.Terminated(final, "sidecar-2", 0, "Completed");
        PodAssert.Terminated(final, "sidecar-3", 137, "Error");
        // The sidecars' wait for regular-1 times out at 5 s; then all get SIGTERM together with 2 s left.
        Timing.LogAfter(node.Log.First("sidecar-2", "Exiting"), run.DeletedAt, 6, 6, "sidecar-2 exit");
        Timing.Between(run.Took, Timing.Seconds(7), Timing.Seconds(7) + Timing.UpperSlack, "deletion");
        await node.FinishAsync();
    }
}
