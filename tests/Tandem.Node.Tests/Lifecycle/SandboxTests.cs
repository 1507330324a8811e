using System.Collections.Immutable;
using Tandem.Node.Lifecycle;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;
using ContainerState = Tandem.Runtime.ContainerState;

namespace Tandem.Node.Tests.Lifecycle;

public sealed class SandboxTests
{
    // After a node reboot every container is exited and the sandbox is gone.
    private static PodSnapshot Rebooted(PodSimulator sim) => sim.Snapshot with
    {
        Sandbox = SandboxState.NotReady,
        Containers = sim.Snapshot.Containers.ToImmutableDictionary(
            c => c.Key,
            c => c.Value with { Instances = [.. c.Value.Instances.Select(i => i.IsRunning ? i with { State = ContainerState.Exited, ExitCode = 255, FinishedAt = sim.Now } : i)] }),
    };

    [Fact]
    public void LostSandbox_InAlwaysPod_IsRecreated_AndInitializationStartsOver_R7()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Always().Init("init-1").Sidecar("s").Regular("main").Build());
        sim.Sync();
        sim.Exit("init-1", 0);
        sim.SyncUntilIdle();
        var actions = PodDecider.Decide(Rebooted(sim), sim.Now);
        Assert.Equal(TerminationCause.SandboxChanged, actions.KillPod!.Cause);
        Assert.Equal(new CreateSandboxAction(1), actions.Steps.OfType<CreateSandboxAction>().Single());
        Assert.Equal(["init-1"], actions.Starts.Select(s => s.Name));
        // The pod is Pending again until re-initialization is done (P10).
        var status = PodStatusGenerator.Generate(Rebooted(sim) with { Containers = Rebooted(sim).Containers.Remove("init-1") }, null, sim.Now);
        Assert.Equal(PodPhases.Pending, status.Phase);
    }

    [Fact]
    public void LostSandbox_InNeverPodThatRan_IsNotRecreated_R15()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Regular("main").Build());
        sim.SyncUntilIdle();
        var actions = PodDecider.Decide(Rebooted(sim), sim.Now);
        Assert.False(actions.CreatesSandbox);
        Assert.Empty(actions.Starts);
    }

    [Fact]
    public void LostSandbox_InOnFailurePodWhoseContainersSucceeded_IsNotRecreated_R15()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").OnFailure().Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", 0);
        var snapshot = sim.Snapshot with { Sandbox = SandboxState.None };
        Assert.True(PodDecider.Decide(snapshot, sim.Now).IsEmpty);
    }
}
