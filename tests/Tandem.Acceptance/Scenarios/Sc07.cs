using System.Diagnostics;
using Tandem.Acceptance.Support;
using Tandem.Node;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-07's steps and expectations, shared by its two variants (without and with the endless preStop).</summary>
internal static class Sc07
{
    public static async Task RunAsync(string manifest, double killedAt)
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply(manifest);
        await node.WaitForAsync(p => p.Phase() == "Running" && p.FindContainer("regular1").IsRunning(), TimeSpan.FromSeconds(60), "Running");

        var clock = Stopwatch.StartNew();
        var final = await node.Kubelet.DeleteAsync(key, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));
        clock.Stop();

        Assert.NotNull(final);
        // SIGTERM is ignored by a bare sleep, so only SIGKILL ends it: not before the deadline, and not much after.
        Timing.Between(clock.Elapsed, Timing.Seconds(killedAt), Timing.Seconds(killedAt) + Timing.UpperSlack, "deletion");
        PodAssert.Terminated(final, "regular1", 137, "Error");
        PodAssert.Phase(final, "Failed");
        await node.FinishAsync();
    }
}
