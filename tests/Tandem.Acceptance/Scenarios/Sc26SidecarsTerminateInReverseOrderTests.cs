using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-26: after the regular container exits, sidecars are terminated in reverse order.</summary>
public sealed class Sc26SidecarsTerminateInReverseOrderTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Sidecars_are_terminated_in_reverse_order_after_the_regular_container_exits()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc26.yaml");

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));

        PodAssert.Phase(final, "Succeeded");
        string[] sidecars = ["sidecar-1", "sidecar-2", "sidecar-3"];
        foreach (var sidecar in sidecars)
        {
            PodAssert.Terminated(final, sidecar, 0, "Completed");
            PodAssert.RestartCount(final, sidecar, 0);
        }
        var log = node.Log;
        foreach (var (a, b) in new[] { ("sidecar-1", "sidecar-2"), ("sidecar-1", "sidecar-3"), ("sidecar-2", "sidecar-3") })
        {
            PodAssert.Log(node, log, log.StartsBefore(a, b), $"StartsBefore({a}, {b})");
        }
        foreach (var sidecar in sidecars)
        {
            PodAssert.Log(node, log, log.StartsBefore(sidecar, "regular-1"), $"StartsBefore({sidecar}, regular-1)");
            PodAssert.Log(node, log, log.ExitsBefore("regular-1", sidecar), $"ExitsBefore(regular-1, {sidecar})");
        }
        PodAssert.Log(node, log, log.ExitsBefore("sidecar-3", "sidecar-2"), "ExitsBefore(sidecar-3, sidecar-2)");
        PodAssert.Log(node, log, log.ExitsBefore("sidecar-2", "sidecar-1"), "ExitsBefore(sidecar-2, sidecar-1)");
        // Each TERM handler takes 5 s, one after another: no SIGKILL, since 15 s < 30 s.
        var regularExit = log.First("regular-1", "Exiting");
        Timing.LogGap(regularExit, log.First("sidecar-3", "Exiting"), 5, 5, "sidecar-3 exit");
        Timing.LogGap(regularExit, log.First("sidecar-2", "Exiting"), 10, 10, "sidecar-2 exit");
        Timing.LogGap(regularExit, log.First("sidecar-1", "Exiting"), 15, 15, "sidecar-1 exit");
        await node.FinishAsync();
    }
}
