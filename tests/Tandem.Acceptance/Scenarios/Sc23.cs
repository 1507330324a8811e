using Tandem.Acceptance.Support;

namespace Tandem.Acceptance.Scenarios;

/// <summary>
/// SC-23: a sidecar's failed startup probe runs preStop, the sidecar restarts whatever the pod's policy (R12), and the
/// next container is not started.
/// </summary>
internal static class Sc23
{
    public static async Task RunAsync(string manifest)
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply(manifest);

        await node.WaitForAsync(p => p.FindContainer("sidecar-1")?.RestartCount >= 2, TimeSpan.FromMinutes(2), "sidecar-1 restartCount >= 2");

        Assert.All(node.Observations, o => PodAssert.Phase(o.Pod, "Pending"));
        var log = node.Log;
        PodAssert.Log(node, log, log.RunTogether("sidecar-1", "PreStop-sidecar-1"), "RunTogether(sidecar-1, PreStop-sidecar-1)");
        PodAssert.Log(node, log, log.Starts("PreStop-sidecar-1"), "Starts(PreStop-sidecar-1)");
        PodAssert.Log(node, log, log.Exits("sidecar-1"), "Exits(sidecar-1)");
        PodAssert.Log(node, log, log.DoesntStart("regular-1"), "DoesntStart(regular-1)");
        Assert.Contains(node.Events, e => e.Reason == "Killing" && e.Message!.StartsWith("Init container sidecar-1 failed startup probe", StringComparison.Ordinal));
        Assert.DoesNotContain(node.Observations, o => o.Pod.FindContainer("sidecar-1")?.Started == true);
        await node.FinishAsync();
    }
}
