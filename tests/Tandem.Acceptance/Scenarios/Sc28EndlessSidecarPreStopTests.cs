using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-28: preStop hooks that never finish lead to emergency termination at about grace + 2 s.</summary>
public sealed class Sc28EndlessSidecarPreStopTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Endless_sidecar_preStop_hooks_end_together_at_grace_plus_two_seconds()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc28.yaml");

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(150));

        var log = node.Log;
        string[] sidecars = ["sidecar-1", "sidecar-2", "sidecar-3"];
        var lastLoops = new List<DateTimeOffset>();
        foreach (var sidecar in sidecars)
        {
            PodAssert.Terminated(final, sidecar, 137, "Error");
            var hook = "PreStop-" + sidecar;
            var lastLoop = log.Last(hook, "Looping");
            var span = lastLoop - log.First(hook, "Starting");
            Timing.Between(span, Timing.Seconds(30), Timing.Seconds(34), hook + " ran");
            lastLoops.Add(lastLoop);
        }
        // Whole-second log times: 1.5 s of spread can show as 2 s.
        Timing.AtMost(lastLoops.Max() - lastLoops.Min(), Timing.Seconds(2), "spread of the hooks' last loops");
        PodAssert.Phase(final, "Succeeded");
        await node.FinishAsync();
    }
}
