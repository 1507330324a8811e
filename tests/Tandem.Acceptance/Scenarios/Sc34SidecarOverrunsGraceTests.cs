using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-34: a sidecar that overruns the grace period gets 137, but the pod still Succeeds.</summary>
public sealed class Sc34SidecarOverrunsGraceTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_sidecar_overrunning_the_grace_period_is_killed_and_the_pod_succeeds()
    {
        await using var node = await ScenarioNode.StartAsync();
        var run = await DeletionRun.RunAsync(node, "sc34.yaml", 5);

        var final = run.Final;
        PodAssert.Phase(final, "Succeeded");
        PodAssert.Terminated(final, "regular-1", 0, "Completed");
        PodAssert.Terminated(final, "sidecar-1", 0, "Completed");
        PodAssert.Terminated(final, "sidecar-2", 137, "Error");
        PodAssert.Terminated(final, "sidecar-3", 0, "Completed");
        var log = node.Log;
        // regular-1 exits at 1 s; sidecar-3 gets SIGTERM then and exits at 2 s; sidecar-2 gets SIGTERM at 2 s and is
        // killed at 5 s; sidecar-1's wait expires at 5 s, it gets SIGTERM with 2 s and exits at 6 s.
        Timing.LogAfter(log.First("regular-1", "Exiting"), run.DeletedAt, 1, 1, "regular-1 exit");
        Timing.LogAfter(log.First("sidecar-3", "Exiting"), run.DeletedAt, 2, 2, "sidecar-3 exit");
        Timing.LogAfter(log.First("sidecar-1", "Exiting"), run.DeletedAt, 6, 6, "sidecar-1 exit");
        var sidecar2 = final.Container("sidecar-2").State!.Terminated!.FinishedAt!.Value;
        Timing.Between(sidecar2 - run.DeletedAt, Timing.Seconds(5), Timing.Seconds(5) + Timing.UpperSlack, "sidecar-2 killed");
        await node.FinishAsync();
    }
}
