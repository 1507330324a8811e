using Tandem.Acceptance.Support;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-08 and SC-09: a failed probe runs preStop, then kills the container; Never means no restart.</summary>
internal static class Sc08
{
    public static async Task RunAsync(string manifest, string probe, int exitCode)
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply(manifest);

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));

        var started = (await node.WaitForAsync(p => p.FindContainer("regular-1").IsRunning(), TimeSpan.Zero, "regular-1 running")).Pod
            .Container("regular-1").State!.Running!.StartedAt!.Value;
        var killing = Assert.Single(node.Events, e => e.Reason == "Killing");
        // No ", will be restarted": the policy is Never.
        Assert.Equal($"Container regular-1 failed {probe} probe", killing.Message);
        // The first probe tick after the 10 s initial delay.
        Timing.Between(killing.FirstTimestamp!.Value - started, Timing.Seconds(10), Timing.Seconds(20) + Timing.UpperSlack, "kill after start");
        var log = node.Log;
        PodAssert.Log(node, log, log.RunTogether("regular-1", "PreStop-regular-1"), "RunTogether(regular-1, PreStop-regular-1)");
        PodAssert.Log(node, log, log.Starts("PreStop-regular-1"), "Starts(PreStop-regular-1)");
        // preStop takes 1 s, then SIGTERM, and the handler sleeps 15 s.
        Timing.LogGap(log.First("PreStop-regular-1", "Starting"), log.First("regular-1", "Exiting"), 16, 16, "regular-1 exit after the kill started");
        PodAssert.Terminated(final, "regular-1", exitCode, exitCode == 0 ? "Completed" : "Error");
        PodAssert.RestartCount(final, "regular-1", 0);
        PodAssert.Phase(final, exitCode == 0 ? "Succeeded" : "Failed");
        await node.FinishAsync();
    }
}
