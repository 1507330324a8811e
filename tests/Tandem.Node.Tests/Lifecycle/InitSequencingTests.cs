using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Lifecycle;

public sealed class InitSequencingTests
{
    [Fact]
    public void FirstSync_CreatesSandbox_ThenStartsFirstInitContainer_R7()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Init("init-1").Init("init-2").Regular("main").Build());
        var actions = sim.Sync();
        Assert.IsType<CreateSandboxAction>(actions.Steps[0]);
        var start = Assert.IsType<StartContainerAction>(Assert.Single(actions.Steps.Skip(1)));
        Assert.Equal(("init-1", ContainerKind.RegularInit, true), (start.Name, start.Kind, start.AbortSyncOnFailure));
    }

    [Fact]
    public void RegularContainers_StartTogether_InSpecOrder_R7()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Regular("b").Regular("a").Build());
        var actions = sim.Sync();
        Assert.Equal(["b", "a"], actions.Starts.Select(s => s.Name));
    }

    [Fact]
    public void RunningRegularInitContainer_HoldsEverythingElse_R8()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Init("init-1").Init("init-2").Regular("main").Build());
        sim.Sync();
        Assert.True(sim.Sync().IsEmpty);
        sim.Exit("init-1", 0);
        Assert.Equal(["init-2"], sim.Sync().Starts.Select(s => s.Name));
    }

    [Fact]
    public void OneInitStepPerSync_R8a()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s1").Sidecar("s2").Regular("main").Build());
        Assert.Equal(["s1"], sim.Sync().Starts.Select(s => s.Name));
        Assert.Equal(["s2"], sim.Sync().Starts.Select(s => s.Name));
        Assert.Equal(["main"], sim.Sync().Starts.Select(s => s.Name));
        Assert.True(sim.Sync().IsEmpty);
    }

    [Fact]
    public void Sidecar_WithFailingStartupProbe_BlocksNextInitContainer_R8()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s", c => c with { StartupProbe = PodBuilder.ExecProbe() }).Init("init").Regular("main").Build());
        sim.Sync();
        Assert.True(sim.Sync().IsEmpty);
        sim.SetProbe("s", ProbeType.Startup, ProbeResult.Success);
        Assert.Equal(["init"], sim.Sync().Starts.Select(s => s.Name));
    }

    [Fact]
    public void Sidecar_NotReady_StillLetsNextContainerStart_R8_P3()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s", c => c with { ReadinessProbe = PodBuilder.ExecProbe(), LivenessProbe = PodBuilder.ExecProbe() }).Regular("main").Build());
        sim.Sync();
        Assert.Equal(["main"], sim.Sync().Starts.Select(s => s.Name));
    }

    [Fact]
    public void RegularInitContainer_StartFailure_AbortsTheSync_R7b()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").OnFailure().Init("init").Regular("main").Build());
        sim.FailNextStart("init", StartFailureReasons.RunContainerError);
        var actions = sim.Sync();
        Assert.True(actions.Starts.Single().AbortSyncOnFailure);
        Assert.Equal(StartFailureReasons.RunContainerError, sim.StatusOf("init").State!.Waiting!.Reason);
    }

    [Fact]
    public void SidecarInBackOff_DoesNotHoldUpOtherStarts_R7b()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s").Regular("main").Regular("other").Build());
        sim.SyncUntilIdle();
        sim.Exit("s", 1);
        sim.Sync(); // first restart: immediate
        sim.Exit("s", 1);
        sim.Exit("main", 1);
        var actions = sim.Sync();
        Assert.Equal(["s"], actions.Waits.Select(w => w.Name));
        Assert.Equal(["main"], actions.Starts.Select(s => s.Name));
        Assert.False(actions.Starts.Single().AbortSyncOnFailure);
    }

    [Fact]
    public void CompletedRegularInit_IsNeverRerun_OnceRegularContainersRan_R8b()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Init("init").Regular("main").Build());
        sim.Sync();
        sim.Exit("init", 0);
        sim.SyncUntilIdle();
        // The init container's records are gone (runtime restart); main runs: init must not run again.
        var snapshot = sim.Snapshot with { Containers = sim.Snapshot.Containers.Remove("init") };
        Assert.True(PodDecider.Decide(snapshot, sim.Now).IsEmpty);
    }

    [Fact]
    public void LastSidecarExits_BeforeRegularContainersWereCreated_RegularContainersWait_R8c()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s").Regular("main").Build());
        sim.Sync();
        sim.Exit("s", 1);
        var actions = sim.Sync();
        Assert.Equal(["s"], actions.Starts.Select(s => s.Name));
        Assert.Equal(["main"], sim.Sync().Starts.Select(s => s.Name));
    }

    [Fact]
    public void EarlierSidecarCrash_AfterChainMovedOn_BlocksNothing_R8c()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s1").Sidecar("s2").Regular("main").Build());
        sim.Sync();
        sim.Sync();
        sim.Exit("s1", 1);
        var actions = sim.Sync();
        Assert.Equal(["s1", "main"], actions.Starts.Select(s => s.Name));
    }

    [Fact]
    public void FailedInit_InNeverPod_KillsPod_AndFailsIt_R9()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Sidecar("s").Init("init").Regular("main").Build());
        sim.Sync();
        sim.Sync();
        sim.Exit("init", 1);
        var actions = sim.Sync();
        var kill = Assert.IsType<KillPodAction>(Assert.Single(actions.Steps));
        Assert.Equal(TerminationCause.InitFailed, kill.Cause);
        Assert.Equal(["s"], kill.Plan.Containers.Where(c => c.Running).Select(c => c.Name));
        // Failed at once, while the sidecar is still running.
        Assert.Equal(PodPhases.Failed, sim.Phase);
        Assert.True(sim.IsRunning("s"));
        Assert.Equal(WaitingReasons.PodInitializing, sim.StatusOf("main").State!.Waiting!.Reason);
    }

    [Fact]
    public void FailedInit_InOnFailurePod_IsRestartedWithBackOff_PodStaysPending_R10()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").OnFailure().Sidecar("s").Init("init").Regular("main").Build());
        sim.Sync();
        sim.Sync();
        sim.Exit("init", 1);
        Assert.Equal(["init"], sim.Sync().Starts.Select(s => s.Name));
        sim.Exit("init", 1);
        var actions = sim.Sync();
        Assert.Equal(StartFailureReasons.CrashLoopBackOff, actions.Waits.Single().Reason);
        var status = sim.StatusOf("init");
        Assert.Equal(("CrashLoopBackOff", 1, 1), (status.State!.Waiting!.Reason, status.LastState!.Terminated!.ExitCode, status.RestartCount));
        Assert.Equal(PodPhases.Pending, sim.Phase);
        Assert.True(sim.IsRunning("s"));
    }

    [Fact]
    public void ImagePullFailure_OfSidecar_BacksOff_AndKeepsPodPending_EvenWithNever_R11()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Sidecar("s").Regular("main").Build());
        sim.FailNextStart("s", StartFailureReasons.ErrImagePull, "pull failed");
        sim.Sync();
        Assert.Equal(StartFailureReasons.ErrImagePull, sim.StatusOf("s").State!.Waiting!.Reason);
        // The executor moves the image back-off on after the failed pull.
        var t0 = sim.Now;
        sim.Advance(1);
        var snapshot = sim.Snapshot with { ImagePullBackOff = sim.Snapshot.ImagePullBackOff.Next(PodBuilder.Image, t0, t0) };
        var actions = PodDecider.Decide(snapshot, sim.Now);
        var wait = actions.Waits.Single();
        Assert.Equal((StartFailureReasons.ImagePullBackOff, "Back-off pulling image \"busybox:1.36\""), (wait.Reason, wait.Message));
        Assert.Contains(actions.Events, e => e.Reason == EventReasons.BackOff);
        Assert.Empty(actions.Starts);
        var status = PodStatusGenerator.Generate(snapshot.Apply(actions, sim.Now), sim.Status, sim.Now);
        Assert.Equal(PodPhases.Pending, status.Phase);
        Assert.Equal(WaitingReasons.PodInitializing, status.ContainerStatuses![0].State!.Waiting!.Reason);
        // After 10 s the pull is tried again.
        Assert.Equal(["s"], PodDecider.Decide(snapshot, t0.AddSeconds(10)).Starts.Select(s => s.Name));
    }
}
