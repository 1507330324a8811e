using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-02: a failed init container fails the pod (Never).</summary>
public sealed class Sc02FailedInitContainerFailsPodTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_failed_init_container_fails_the_pod_and_the_regular_container_never_starts()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc02.yaml");

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

        // The phase flips as soon as init-1's exit is observed: no status shows it terminated with the pod still Pending.
        var exited = (await node.WaitForAsync(p => p.FindContainer("init-1")?.State?.Terminated is not null, TimeSpan.Zero, "init-1 terminated")).Pod;
        PodAssert.Phase(exited, "Failed");
        PodAssert.Phase(final, "Failed");
        PodAssert.Terminated(final, "init-1", 1, "Error");
        PodAssert.RestartCount(final, "init-1", 0);
        PodAssert.Waiting(final, "regular-1", "PodInitializing");
        PodAssert.Log(node, node.Log, node.Log.DoesntStart("regular-1"), "DoesntStart(regular-1)");
        PodAssert.Condition(final, "Initialized", "False", "ContainersNotInitialized", "containers with incomplete status: [init-1]");
        PodAssert.Condition(final, "ContainersReady", "False", "PodFailed");
        await node.FinishAsync();
    }
}
