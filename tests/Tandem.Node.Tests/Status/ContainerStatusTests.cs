using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Status;

public sealed class ContainerStatusTests
{
    [Fact]
    public void RestartedSidecar_LeavesTerminated_EvenInNeverPod_R6()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("s", 0);
        Assert.NotNull(sim.StatusOf("s").State!.Terminated);
        sim.Sync();
        var status = sim.StatusOf("s");
        Assert.NotNull(status.State!.Running);
        Assert.Equal(0, status.LastState!.Terminated!.ExitCode);
    }

    [Fact]
    public void StartedAndReady_FollowTheTableOfR27()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Init("init")
            .Sidecar("probed", c => c with { StartupProbe = PodBuilder.ExecProbe(), ReadinessProbe = PodBuilder.ExecProbe() })
            .Sidecar("plain").Regular("main").Build());
        sim.Sync();
        Assert.Equal((true, false), (sim.StatusOf("init").Started!.Value, sim.StatusOf("init").Ready));
        sim.Exit("init", 0);
        Assert.Equal((false, true), (sim.StatusOf("init").Started!.Value, sim.StatusOf("init").Ready));
        sim.Sync();
        Assert.Equal((false, false), (sim.StatusOf("probed").Started!.Value, sim.StatusOf("probed").Ready));
        sim.SetProbe("probed", ProbeType.Startup, ProbeResult.Success);
        Assert.Equal((true, false), (sim.StatusOf("probed").Started!.Value, sim.StatusOf("probed").Ready));
        sim.SetProbe("probed", ProbeType.Readiness, ProbeResult.Success);
        Assert.Equal((true, true), (sim.StatusOf("probed").Started!.Value, sim.StatusOf("probed").Ready));
        sim.Sync();
        Assert.Equal((true, true), (sim.StatusOf("plain").Started!.Value, sim.StatusOf("plain").Ready));
        Assert.Equal((false, false), (sim.StatusOf("main").Started!.Value, sim.StatusOf("main").Ready));
        Assert.Equal(WaitingReasons.PodInitializing, sim.StatusOf("main").State!.Waiting!.Reason);
    }

    [Fact]
    public void FailedRegularInit_IsNeitherStartedNorReady_R27()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Init("init").Regular("main").Build());
        sim.Sync();
        sim.Exit("init", 1);
        Assert.Equal((false, false), (sim.StatusOf("init").Started!.Value, sim.StatusOf("init").Ready));
    }

    [Fact]
    public void NeverCreatedContainer_WaitsWithContainerCreating_WithoutInitContainers_R28()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Regular("main").Build());
        sim.Publish();
        Assert.Equal(WaitingReasons.ContainerCreating, sim.StatusOf("main").State!.Waiting!.Reason);
    }

    [Fact]
    public void StartError_IsShownAsWaitingReason_R28()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Regular("main").Build());
        sim.FailNextStart("main", StartFailureReasons.CreateContainerError, "no such file: /bin/app");
        sim.Sync();
        var waiting = sim.StatusOf("main").State!.Waiting!;
        Assert.Equal((StartFailureReasons.CreateContainerError, "no such file: /bin/app"), (waiting.Reason, waiting.Message));
    }

    [Fact]
    public void TerminatedReason_AndContainerId_ComeFromTheRuntime_R29()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Regular("main").Build());
        sim.Sync();
        sim.Exit("main", 2);
        var terminated = sim.StatusOf("main").State!.Terminated!;
        Assert.Equal((2, "Error"), (terminated.ExitCode, terminated.Reason));
        Assert.StartsWith("tandem://", terminated.ContainerID);
    }

    [Fact]
    public void RestartCount_AndLastState_TrackTheNewestTwoInstances_R30()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Always().Regular("main").Build());
        sim.Sync();
        sim.Exit("main", 3);
        sim.Sync();
        sim.Advance(1);
        sim.Exit("main", 4);
        sim.Advance(10);
        sim.Sync();
        var status = sim.StatusOf("main");
        Assert.Equal(2, status.RestartCount);
        Assert.NotNull(status.State!.Running);
        Assert.Equal(4, status.LastState!.Terminated!.ExitCode);
    }

    [Fact]
    public void CrashLoopingSidecar_InNeverPod_ShowsTerminated_NotCrashLoopBackOff_R31()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("s", 1);
        sim.Sync();
        sim.Exit("s", 1);
        var actions = sim.Sync();
        Assert.Equal("CrashLoopBackOff", actions.Waits.Single().Reason);
        Assert.Equal("Error", sim.StatusOf("s").State!.Terminated!.Reason);
    }

    [Fact]
    public void CrashLoopingSidecar_InAlwaysPod_ShowsCrashLoopBackOff_R31()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Always().Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("s", 1);
        sim.Sync();
        sim.Exit("s", 1);
        sim.Sync();
        Assert.Equal("CrashLoopBackOff", sim.StatusOf("s").State!.Waiting!.Reason);
        Assert.Equal(1, sim.StatusOf("s").LastState!.Terminated!.ExitCode);
    }

    [Fact]
    public void SidecarExitingZero_KeepsShowingCompleted_WhileInBackOff_R31()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Always().Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("s", 0);
        sim.Sync();
        sim.Exit("s", 0);
        sim.Sync();
        Assert.Equal("Completed", sim.StatusOf("s").State!.Terminated!.Reason);
    }

    [Fact]
    public void StatusArrays_InitInSpecOrder_RegularSortedByName_R32()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("z-side").Sidecar("a-side").Regular("zeta").Regular("alpha").Regular("mid").Build());
        sim.Publish();
        Assert.Equal(["z-side", "a-side"], sim.Status!.InitContainerStatuses!.Select(s => s.Name));
        Assert.Equal(["alpha", "mid", "zeta"], sim.Status.ContainerStatuses!.Select(s => s.Name));
    }
}
