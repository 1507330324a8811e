using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-18: an init container before the sidecar fails: the pod fails and the sidecar never starts (Never).</summary>
public sealed class Sc18InitBeforeSidecarFailsTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task The_pod_fails_and_the_sidecar_never_starts()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc18.yaml");

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

        PodAssert.Phase(final, "Failed");
        var log = node.Log;
        PodAssert.Log(node, log, log.Exits("init-1"), "Exits(init-1)");
        PodAssert.Terminated(final, "init-1", 1, "Error");
        PodAssert.Log(node, log, log.DoesntStart("sidecar-1"), "DoesntStart(sidecar-1)");
        PodAssert.Log(node, log, log.DoesntStart("regular-1"), "DoesntStart(regular-1)");
        PodAssert.Waiting(final, "sidecar-1", "PodInitializing");
        PodAssert.RestartCount(final, "sidecar-1", 0);
        PodAssert.Condition(final, "Initialized", "False", message: "containers with incomplete status: [init-1 sidecar-1]");
        await node.FinishAsync();
    }
}
