using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-01: init containers run one after another, then the regular container (Never).</summary>
public sealed class Sc01InitContainersRunSeriallyTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Init_containers_run_serially_before_the_regular_container()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc01.yaml");

        var final = await node.Kubelet.WaitForFinishAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

        var log = node.Log;
        foreach (var (a, b) in new[] { ("init-1", "init-2"), ("init-2", "init-3"), ("init-3", "regular-1") })
        {
            PodAssert.Log(node, log, log.StartsBefore(a, b), $"StartsBefore({a}, {b})");
            PodAssert.Log(node, log, log.ExitsBefore(a, b), $"ExitsBefore({a}, {b})");
        }
        string[] inits = ["init-1", "init-2", "init-3"];
        for (var k = 0; k < inits.Length; k++)
        {
            var running = (await node.WaitForAsync(p => p.HasStarted(inits[k]), TimeSpan.Zero, inits[k] + " running")).Pod;
            PodAssert.Phase(running, "Pending");
            PodAssert.Condition(running, "Initialized", "False", "ContainersNotInitialized", $"containers with incomplete status: [{string.Join(' ', inits[k..])}]");
            Assert.False(running.Container(inits[k]).Ready);
            foreach (var later in inits[(k + 1)..].Append("regular-1"))
            {
                PodAssert.Waiting(running, later, "PodInitializing");
            }
        }
        var probing = (await node.WaitForAsync(p => p.FindContainer("regular-1").IsRunning(), TimeSpan.Zero, "regular-1 running")).Pod;
        PodAssert.Phase(probing, "Running");
        Assert.False(probing.Container("regular-1").Started);
        Assert.False(probing.Container("regular-1").Ready);

        PodAssert.Phase(final, "Succeeded");
        foreach (var init in inits)
        {
            PodAssert.Terminated(final, init, 0, "Completed");
            Assert.True(final.Container(init).Ready);
            Assert.False(final.Container(init).Started);
            PodAssert.RestartCount(final, init, 0);
        }
        PodAssert.Terminated(final, "regular-1", 0, "Completed");
        PodAssert.Condition(final, "Initialized", "True", "PodCompleted");
        PodAssert.Condition(final, "ContainersReady", "False", "PodCompleted");
        PodAssert.Condition(final, "Ready", "False", "PodCompleted");
        PodAssert.Condition(final, "PodScheduled", "True");
        PodAssert.Condition(final, "PodReadyToStartContainers", "False");
        await node.FinishAsync();
    }
}
