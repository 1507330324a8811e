using System.Diagnostics;
using Tandem.Acceptance.Support;
using Tandem.Testing;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-29: a pod deleted during initialization is removed quickly.</summary>
public sealed class Sc29DeletedDuringInitializationTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task A_pod_deleted_while_initializing_is_gone_within_the_grace_period()
    {
        await using var node = await ScenarioNode.StartAsync();
        var key = node.Apply("sc29.yaml");
        await node.WaitForAsync(p => p.Phase() == "Pending" && p.HasStarted("start-init"), TimeSpan.FromSeconds(60), "start-init running");

        var deletedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var final = await node.Kubelet.DeleteAsync(key, 3, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        clock.Stop();

        Assert.NotNull(final);
        var stopped = await node.WaitForAsync(p => p.FindContainer("start-init")?.State?.Terminated is not null, TimeSpan.Zero, "start-init terminated");
        Timing.AtMost(clock.Elapsed, Timing.Seconds(3) + Timing.UpperSlack,
            $"deletion (start-init's exit was published after {(stopped.At - deletedAt).TotalSeconds:0.0} s)");
        var log = node.Log;
        // A regular init container gets SIGTERM at once; its handler exits 0.
        PodAssert.Log(node, log, log.Exits("start-init"), "Exits(start-init)");
        PodAssert.Terminated(final, "start-init", 0, "Completed");
        PodAssert.Log(node, log, log.DoesntStart("sidecar-1") && log.DoesntStart("sidecar-2"), "DoesntStart(sidecar-k)");
        Assert.DoesNotContain(log.Lines, l => l.Name.StartsWith("PreStop-", StringComparison.Ordinal));
        // T7: deleted while Pending.
        PodAssert.Phase(final, "Failed");
        await node.FinishAsync();
    }
}
