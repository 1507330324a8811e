using Tandem.Acceptance.Support;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-38 (b) and (c): a sidecar whose readiness probe fails (or times out) is never ready and never restarted.</summary>
internal static class Sc38
{
    public static async Task NeverReadyAsync(string manifest)
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply(manifest);
        var running = await node.WaitForAsync(p => p.Phase() == "Running" && p.FindContainer("main").IsRunning(), TimeSpan.FromSeconds(60), "Running");

        // Holding for 60 s is the scenario: nothing may change in that time but the probe results.
        await Task.Delay(TimeSpan.FromSeconds(60));

        foreach (var after in node.Observations.SkipWhile(o => o != running))
        {
            var pod = after.Pod;
            PodAssert.Phase(pod, "Running");
            PodAssert.Condition(pod, "Ready", "False", message: "containers with unready status: [sidecar]");
            var sidecar = pod.Container("sidecar");
            Assert.True(sidecar is { Started: true, Ready: false, RestartCount: 0 }, PodDescription.Describe(pod));
        }
        Assert.True(node.Observations[^1].Pod.Container("sidecar").IsRunning());
        await node.FinishAsync();
    }
}
