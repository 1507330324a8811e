using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-35: a regular container's preStop overruns the grace period, so the pod Fails.</summary>
public sealed class Sc35RegularPreStopOverrunsGraceTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_regular_preStop_overrunning_the_grace_period_fails_the_pod()
    {
        await using var node = await ScenarioNode.StartAsync();
        var run = await DeletionRun.RunAsync(node, "sc35.yaml", 5);

        var final = run.Final;
        PodAssert.Phase(final, "Failed");
        // preStop is cut off at 5 s, then 2 s more: SIGTERM, SIGKILL.
        PodAssert.Terminated(final, "regular-1", 137, "Error");
        var regular = final.Container("regular-1").State!.Terminated!.FinishedAt!.Value;
        Timing.Between(regular - run.DeletedAt, Timing.Seconds(7), Timing.Seconds(7) + Timing.UpperSlack, "regular-1 killed");
        PodAssert.Terminated(final, "sidecar-1", 0, "Completed");
        PodAssert.Terminated(final, "sidecar-2", 137, "Error");
        PodAssert.Terminated(final, "sidecar-3", 0, "Completed");
        // All sidecars get SIGTERM at about 5 s; the 1 s handlers exit at about 6 s.
        var log = node.Log;
        Timing.LogAfter(log.First("sidecar-1", "Exiting"), run.DeletedAt, 6, 6, "sidecar-1 exit");
        Timing.LogAfter(log.First("sidecar-3", "Exiting"), run.DeletedAt, 6, 6, "sidecar-3 exit");
        await node.FinishAsync();
    }
}
