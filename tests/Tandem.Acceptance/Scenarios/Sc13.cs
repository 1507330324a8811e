using Tandem.Acceptance.Support;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-13's steps and expectations, shared by its restart-policy variants.</summary>
internal static class Sc13
{
    public static async Task RunAsync(string manifest)
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply(manifest);

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

        PodAssert.Phase(final, "Succeeded");
        var log = node.Log;
        PodAssert.Log(node, log, log.HasNotRestarted("sidecar-1"), "HasNotRestarted(sidecar-1)");
        PodAssert.Log(node, log, log.Exits("regular-1"), "Exits(regular-1)");
        PodAssert.Terminated(final, "sidecar-1", 0, "Completed");
        PodAssert.RestartCount(final, "sidecar-1", 0);
        var regularExit = PodAssert.Terminated(final, "regular-1", 0, "Completed").FinishedAt!.Value;
        var terminal = await node.WaitForAsync(p => p.IsTerminal(), TimeSpan.Zero, "terminal phase");
        Timing.AtMost(terminal.At - regularExit, Timing.Seconds(1) + Timing.UpperSlack, "Succeeded after regular-1 exited");
        // R18: after regular-1 exits and until the sidecar has exited, the pod is Running and not ContainersReady.
        foreach (var between in node.Observations.Where(o => o.Pod.FindContainer("regular-1")?.State?.Terminated is not null
                                                             && o.Pod.FindContainer("sidecar-1").IsRunning()))
        {
            PodAssert.Phase(between.Pod, "Running");
            PodAssert.Condition(between.Pod, "ContainersReady", "False");
        }
        await node.FinishAsync();
    }
}
