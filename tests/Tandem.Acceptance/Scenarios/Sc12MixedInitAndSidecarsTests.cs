using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-12: mixed init containers and sidecars start in order (Never).</summary>
public sealed class Sc12MixedInitAndSidecarsTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Init_containers_and_sidecars_start_in_spec_order()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc12.yaml");

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        PodAssert.Phase(final, "Succeeded");
        var log = node.Log;
        void Holds(bool holds, string predicate) => PodAssert.Log(node, log, holds, predicate);
        Holds(log.StartsBefore("init-1", "sidecar-1"), "StartsBefore(init-1, sidecar-1)");
        Holds(log.ExitsBefore("init-1", "sidecar-1"), "ExitsBefore(init-1, sidecar-1)");
        Holds(log.StartsBefore("sidecar-1", "init-2"), "StartsBefore(sidecar-1, init-2)");
        Holds(log.RunTogether("sidecar-1", "init-2"), "RunTogether(sidecar-1, init-2)");
        Holds(log.StartsBefore("init-2", "sidecar-2"), "StartsBefore(init-2, sidecar-2)");
        Holds(log.ExitsBefore("init-2", "sidecar-2"), "ExitsBefore(init-2, sidecar-2)");
        Holds(log.StartsBefore("sidecar-2", "init-3"), "StartsBefore(sidecar-2, init-3)");
        foreach (var (a, b) in new[] { ("sidecar-1", "sidecar-2"), ("sidecar-1", "init-3"), ("sidecar-2", "init-3"), ("sidecar-1", "regular-1"), ("sidecar-2", "regular-1") })
        {
            Holds(log.RunTogether(a, b), $"RunTogether({a}, {b})");
        }
        Holds(log.StartsBefore("init-3", "regular-1"), "StartsBefore(init-3, regular-1)");
        Holds(log.ExitsBefore("init-3", "regular-1"), "ExitsBefore(init-3, regular-1)");
        Holds(log.ExitsBefore("regular-1", "sidecar-2"), "ExitsBefore(regular-1, sidecar-2)");
        Holds(log.ExitsBefore("sidecar-2", "sidecar-1"), "ExitsBefore(sidecar-2, sidecar-1)");
        foreach (var sidecar in new[] { "sidecar-1", "sidecar-2" })
        {
            PodAssert.Terminated(final, sidecar, 0, "Completed");
            PodAssert.RestartCount(final, sidecar, 0);
        }
        // The status covers all five init containers, sidecars included (what kubectl's Init:k/5 and READY count from).
        Assert.All(node.Observations.Where(o => o.Pod.Status?.InitContainerStatuses is not null),
            o => Assert.Equal(5, o.Pod.Status!.InitContainerStatuses!.Count));
        await node.FinishAsync();
    }
}
