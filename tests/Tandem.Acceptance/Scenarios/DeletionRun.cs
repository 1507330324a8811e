using Tandem.Acceptance.Support;
using Tandem.Model.CoreV1;

namespace Tandem.Acceptance.Scenarios;

/// <summary>SC-31/33/34/35's steps: wait until every container runs, then delete with a grace period and keep the final pod (finalizer).</summary>
internal sealed record DeletionRun(ScenarioNode Node, Pod Final, DateTimeOffset DeletedAt, TimeSpan Took)
{
    public static async Task<DeletionRun> RunAsync(ScenarioNode node, string manifest, long grace)
    {
        var key = node.Apply(manifest);
        await node.WaitForAsync(p => p.Phase() == "Running" && p.HasStarted("regular-1"), TimeSpan.FromSeconds(60), "Running");
        // The TERM traps are set by the time the programs log Started.
        await WaitForLogAsync(node, "regular-1");
        var deletedAt = DateTimeOffset.UtcNow;
        var final = await node.Kubelet.DeleteAsync(key, grace, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var took = DateTimeOffset.UtcNow - deletedAt;
        Assert.NotNull(final);
        return new DeletionRun(node, final, deletedAt, took);
    }

    private static async Task WaitForLogAsync(ScenarioNode node, string name)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (!node.Log.Starts(name) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }
}
