using Tandem.Node.Probing;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Status;

public sealed class PodPhaseTests
{
    [Fact]
    public void PendingUntilSidecarStarted_ThenRunning_J()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s", c => c with { StartupProbe = PodBuilder.ExecProbe() }).Regular("main").Build());
        sim.Sync();
        Assert.Equal(PodPhases.Pending, sim.Phase);
        sim.SetProbe("s", ProbeType.Startup, ProbeResult.Success);
        sim.Sync();
        Assert.Equal(PodPhases.Running, sim.Phase);
    }

    [Fact]
    public void SidecarRestarting_AfterRegularContainersRan_DoesNotSendPodBackToPending_J()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s", c => c with { StartupProbe = PodBuilder.ExecProbe() }).Regular("main").Build());
        sim.Sync();
        sim.SetProbe("s", ProbeType.Startup, ProbeResult.Success);
        sim.Sync();
        sim.Exit("s", 1);
        sim.Sync();
        Assert.Equal(PodPhases.Running, sim.Phase);
    }

    [Fact]
    public void WhileSidecarsTerminate_AfterCompletion_PhaseStaysRunning_ThenSucceeded_R18()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", 0);
        sim.Sync();
        Assert.Equal(PodPhases.Running, sim.Phase);
        sim.Exit("s", 143);
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
    }

    [Fact]
    public void SidecarExitCodes_AreIgnored_RegularExitCodesDecide_R18()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Sidecar("s").Regular("a").Regular("b").Build());
        sim.SyncUntilIdle();
        sim.Exit("a", 0);
        sim.Exit("b", 1);
        sim.Sync();
        sim.Exit("s", 0);
        Assert.Equal(PodPhases.Failed, sim.Phase);
    }

    [Fact]
    public void OnFailurePod_WithAFailedContainer_StaysRunning_J()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").OnFailure().Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", 1);
        Assert.Equal(PodPhases.Running, sim.Phase);
    }

    [Fact]
    public void TerminalPhase_IsSticky_J()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Init("init").Regular("main").Build());
        sim.Sync();
        sim.Exit("init", 1);
        Assert.Equal(PodPhases.Failed, sim.Phase);
        // Even if something odd is observed later, Failed stays.
        var status = PodStatusGenerator.Generate(sim.Snapshot with { Containers = sim.Snapshot.Containers.Clear() }, sim.Status, sim.Now);
        Assert.Equal(PodPhases.Failed, status.Phase);
    }

    [Fact]
    public void DeletedRunningPod_EndsFailed_WhenRegularContainerWasKilled_T7()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Always().Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Delete(30);
        sim.Sync();
        sim.Exit("main", 137);
        Assert.Equal(PodPhases.Failed, sim.Phase);
    }

    [Fact]
    public void DeletedAlwaysPod_WhoseContainersExitZero_EndsSucceeded_T7()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Always().Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Delete(30);
        sim.Sync();
        sim.Exit("main", 0);
        sim.Exit("s", 1);
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
    }

    [Fact]
    public void PodDeletedDuringInit_EndsFailed_AndNeverStartedContainersStayWaiting_T7()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Init("start-init").Sidecar("sidecar-1").Regular("regular-1").Build());
        sim.Sync();
        sim.Delete(3);
        sim.Sync();
        sim.Exit("start-init", 0);
        Assert.Equal(PodPhases.Failed, sim.Phase);
        Assert.Equal(0, sim.StatusOf("start-init").State!.Terminated!.ExitCode);
        Assert.Equal(WaitingReasons.PodInitializing, sim.StatusOf("sidecar-1").State!.Waiting!.Reason);
    }

    [Fact]
    public void AfterTermination_MissingTerminalStates_AreContainerStatusUnknown137_T7()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Always().Regular("a").Regular("b").Build());
        sim.SyncUntilIdle();
        sim.Exit("b", 1);
        sim.Delete(30);
        // b waits for a restart that never comes; a's record vanished when the node lost it.
        var snapshot = sim.Snapshot with { Containers = sim.Snapshot.Containers.Remove("a"), TerminationFinished = true };
        var status = PodStatusGenerator.Generate(snapshot, sim.Status, sim.Now);
        var a = status.ContainerStatuses!.Single(s => s.Name == "a").State!.Terminated!;
        Assert.Equal((137, "ContainerStatusUnknown", "The container could not be located when the pod was terminated"), (a.ExitCode, a.Reason, a.Message));
        Assert.Equal(PodPhases.Failed, status.Phase);
    }
}
