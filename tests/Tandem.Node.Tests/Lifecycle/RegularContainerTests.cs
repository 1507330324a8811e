using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;
using Tandem.Node.Status;
using Tandem.Node.Termination;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Lifecycle;

public sealed class RegularContainerTests
{
    [Theory]
    [InlineData("Always", 0, true)]
    [InlineData("Always", 1, true)]
    [InlineData("OnFailure", 1, true)]
    [InlineData("OnFailure", 0, false)]
    [InlineData("Never", 1, false)]
    [InlineData("Never", 0, false)]
    public void ExitedRegularContainer_IsRestartedByPolicy_R15(string policy, int exitCode, bool restarted)
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Policy(policy).Regular("main").Regular("other").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", exitCode);
        Assert.Equal(restarted, sim.Sync().Starts.Any(s => s.Name == "main"));
    }

    [Fact]
    public void NoContainerIsRestarted_OnceThePodIsDeleted_R15()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Always().Regular("main").Regular("other").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", 1);
        sim.Delete(30);
        var actions = sim.Sync();
        Assert.Empty(actions.Starts);
        Assert.Equal(["other"], actions.KillPod!.Plan.Containers.Where(c => c.Running).Select(c => c.Name));
    }

    [Fact]
    public void RegularContainer_InUnknownState_IsKilledAndStarted_EvenInNeverPod_R15()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Regular("main").Regular("other").Build());
        sim.SyncUntilIdle();
        var c = sim.Snapshot.Find("main")!;
        var snapshot = sim.Snapshot.With(c with { Instances = [c.Latest! with { State = Runtime.ContainerState.Unknown }] });
        var actions = PodDecider.Decide(snapshot, sim.Now);
        Assert.Equal("Container is in \"unknown\" state, try killing it before restart", actions.Kills.Single().Message);
        Assert.Equal(["main"], actions.Starts.Select(s => s.Name));
    }

    [Fact]
    public void LivenessFailure_KillsWithProbeGrace_AndRestartsInSameSync_R16()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Grace(30).Regular("main", c => c with { LivenessProbe = PodBuilder.ExecProbe(grace: 5), Lifecycle = new() { PreStop = PodBuilder.SleepHook } }).Build());
        sim.SyncUntilIdle();
        sim.SetProbe("main", ProbeType.Liveness, ProbeResult.Failure);
        var actions = sim.Sync();
        var kill = actions.Kills.Single();
        Assert.Equal(("Container main failed liveness probe, will be restarted", 5L, KillReason.LivenessProbe), (kill.Message, kill.GracePeriodSeconds, kill.Reason));
        // The single-container plan runs preStop first, with the probe's grace.
        var begun = kill.Plan.Begin(sim.Now);
        Assert.Equal(new TerminationStep(TerminationStepKind.RunPreStop, "main", 5), begun.Steps.Single());
        Assert.Equal(["main"], actions.Starts.Select(s => s.Name));
        Assert.Equal(1, actions.Starts.Single().RestartCount);
    }

    [Fact]
    public void StartupFailure_WithoutProbeGrace_UsesPodGrace_R16()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Grace(12).Regular("main", c => c with { StartupProbe = PodBuilder.ExecProbe() }).Build());
        sim.SyncUntilIdle();
        sim.SetProbe("main", ProbeType.Startup, ProbeResult.Failure);
        var kill = sim.Sync().Kills.Single();
        Assert.Equal(("Container main failed startup probe, will be restarted", 12L), (kill.Message, kill.GracePeriodSeconds));
    }

    [Fact]
    public void LivenessFailure_InNeverPod_KillsWithoutRestart_AndExitCodeDecidesPhase_R16()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Regular("main", c => c with { LivenessProbe = PodBuilder.ExecProbe(grace: 5) }).Build());
        sim.SyncUntilIdle();
        sim.SetProbe("main", ProbeType.Liveness, ProbeResult.Failure);
        var actions = sim.Sync();
        Assert.Empty(actions.Starts);
        Assert.Contains(actions.Events, e => e.Reason == EventReasons.Killing && e.Message == "Container main failed liveness probe");
        Assert.Equal(5, actions.KillPod!.Plan.Find("main")!.InitialGrace);
        sim.Exit("main", 0); // a TERM handler that exits 0
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
    }

    [Theory]
    [InlineData("Never", 1)]
    [InlineData("Never", 0)]
    [InlineData("OnFailure", 0)]
    public void AllRegularContainersDone_KillsPod_WithSpecGrace_R17(string policy, int exitCode)
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Policy(policy).Grace(17).Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", exitCode);
        var kill = sim.Sync().KillPod!;
        Assert.Equal(TerminationCause.Completed, kill.Cause);
        Assert.Equal(17, kill.Plan.Find("s")!.InitialGrace);
    }

    [Fact]
    public void AlwaysPod_NeverCompletes_R17()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Always().Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", 0);
        var actions = sim.Sync();
        Assert.Null(actions.KillPod);
        Assert.Equal(["main"], actions.Starts.Select(s => s.Name));
    }

    [Fact]
    public void AfterCompletion_NothingIsStartedAgain_R17()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", 0);
        sim.Sync();
        sim.Exit("s", 143);
        Assert.Equal(0, sim.SyncUntilIdle());
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
    }
}
