using Tandem.Acceptance.Support;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-15: a sidecar image that cannot be pulled keeps the pod Pending, whatever the restart policy.</summary>
internal static class Sc15
{
    public static async Task RunAsync(string manifest)
    {
        await using var node = await ScenarioNode.StartAsync();
        node.Apply(manifest);

        await node.WaitForAsync(p => p.FindContainer("sidecar-1").WaitingReason() == "ErrImagePull", TimeSpan.FromSeconds(60), "ErrImagePull");
        var backingOff = (await node.WaitForAsync(p => p.FindContainer("sidecar-1").WaitingReason() == "ImagePullBackOff", TimeSpan.FromSeconds(60), "ImagePullBackOff")).Pod;
        // Let the pull back-off (10 s) run out at least once more.
        await node.WaitForAsync(p => p.FindContainer("sidecar-1").WaitingReason() == "ErrImagePull" && p != backingOff, TimeSpan.FromSeconds(30), "the second pull");

        PodAssert.Log(node, node.Log, node.Log.DoesntStart("sidecar-1") && node.Log.DoesntStart("regular-1"), "DoesntStart(sidecar-1), DoesntStart(regular-1)");
        Assert.All(node.Observations, o => PodAssert.Phase(o.Pod, "Pending"));
        var latest = node.Observations[^1].Pod;
        PodAssert.Waiting(latest, "regular-1", "PodInitializing");
        PodAssert.Condition(latest, "Initialized", "False", message: "containers with incomplete status: [sidecar-1]");
        await node.FinishAsync();
    }
}
