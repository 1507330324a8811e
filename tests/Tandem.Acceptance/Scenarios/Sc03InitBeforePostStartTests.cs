using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-03: the init container finishes before the regular container's postStart runs.</summary>
public sealed class Sc03InitBeforePostStartTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task The_init_container_completes_before_postStart_of_the_regular_container()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc03.yaml");

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

        var log = node.Log;
        PodAssert.Log(node, log, log.StartsBefore("init-1", "PostStart-regular-1"), "StartsBefore(init-1, PostStart-regular-1)");
        PodAssert.Log(node, log, log.ExitsBefore("init-1", "PostStart-regular-1"), "ExitsBefore(init-1, PostStart-regular-1)");
        PodAssert.Log(node, log, log.RunTogether("regular-1", "PostStart-regular-1"), "RunTogether(regular-1, PostStart-regular-1)");
        PodAssert.Phase(final, "Succeeded");
        await node.FinishAsync();
    }
}
