using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Scenarios;

/// <summary>Section 3 scenarios about restarts, replayed as snapshots under a fake clock.</summary>
public sealed class RestartScenarioTests
{
    [Fact]
    public void SC06_RestartingARegularContainerDoesNotRerunInitContainers_Always()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc06").Always().Init("init-1").Init("init-2").Init("init-3").Regular("regular-1").Build());
        foreach (var init in new[] { "init-1", "init-2", "init-3" })
        {
            sim.Sync();
            sim.Exit(init, 0);
        }
        sim.Sync();
        for (var second = 0; second < 120; second++)
        {
            if (sim.IsRunning("regular-1") && second % 10 == 0)
            {
                sim.Exit("regular-1", 1);
            }
            sim.Sync();
            Assert.Equal("True", sim.Condition(ConditionTypes.Initialized).Status);
            sim.Advance(1);
        }
        Assert.True(sim.StatusOf("regular-1").RestartCount >= 3);
        Assert.All(new[] { "init-1", "init-2", "init-3" }, n =>
        {
            Assert.Equal(1, sim.History.SelectMany(h => h.Starts).Count(s => s.Name == n));
            Assert.Equal((0, "Completed", 0), (sim.StatusOf(n).State!.Terminated!.ExitCode, sim.StatusOf(n).State!.Terminated!.Reason, sim.StatusOf(n).RestartCount));
        });
    }

    [Fact]
    public void SC14_RegularContainerKeepsRestarting_SidecarUntouched_Always()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc14").Always().Sidecar("sidecar-1").Regular("regular-1").Build());
        sim.SyncUntilIdle();
        sim.Advance(1);
        sim.Exit("regular-1", 0);
        sim.Sync();
        sim.Advance(1);
        sim.Exit("regular-1", 0);
        sim.Sync();
        var regular = sim.StatusOf("regular-1");
        // Exit 0 still backs off under Always.
        Assert.Equal(("CrashLoopBackOff", 0, "Completed"), (regular.State!.Waiting!.Reason, regular.LastState!.Terminated!.ExitCode, regular.LastState.Terminated.Reason));
        Assert.Equal(("False", PodPhases.Running), (sim.Condition(ConditionTypes.Ready).Status, sim.Phase));
        var sidecar = sim.StatusOf("sidecar-1");
        Assert.Equal((true, true, 0), (sidecar.State!.Running is not null, sidecar.Ready, sidecar.RestartCount));
    }

    [Fact]
    public void SC15_UnpullableSidecarImage_KeepsThePodPending_Never()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc15").Never().Sidecar("sidecar-1").Regular("regular-1").Build());
        sim.FailNextStart("sidecar-1", StartFailureReasons.ErrImagePull, "pull failed");
        sim.Sync();
        Assert.Equal((PodPhases.Pending, "ErrImagePull"), (sim.Phase, sim.StatusOf("sidecar-1").State!.Waiting!.Reason));
        Assert.Equal("containers with incomplete status: [sidecar-1]", sim.Condition(ConditionTypes.Initialized).Message);
        Assert.Equal(WaitingReasons.PodInitializing, sim.StatusOf("regular-1").State!.Waiting!.Reason);
    }

    [Theory]
    [InlineData("Always")]
    [InlineData("Never")]
    public void SC23_SidecarFailingStartupProbe_RestartsWithPreStop_NextContainerNeverStarts(string policy)
    {
        var sim = new PodSimulator(PodBuilder.Named("sc23").Policy(policy)
            .Sidecar("sidecar-1", c => c with { StartupProbe = PodBuilder.ExecProbe(initialDelay: 5, failureThreshold: 1), Lifecycle = new() { PreStop = PodBuilder.SleepHook } })
            .Regular("regular-1").Build());
        sim.Sync();
        for (var round = 0; round < 3; round++)
        {
            sim.Advance(20);
            sim.SetProbe("sidecar-1", ProbeType.Startup, ProbeResult.Failure);
            var actions = sim.Sync();
            var kill = actions.Kills.Single();
            Assert.Equal("RunPreStop", TerminationStepKind(kill));
            Assert.Contains(sim.Events, e => e.Reason == EventReasons.Killing && e.Message == "Init container sidecar-1 failed startup probe");
            Assert.Equal(PodPhases.Pending, sim.Phase);
            Assert.False(sim.StatusOf("sidecar-1").Started);
            while (!sim.IsRunning("sidecar-1"))
            {
                sim.Advance(1);
                sim.Sync();
            }
        }
        Assert.True(sim.StatusOf("sidecar-1").RestartCount >= 2);
        Assert.DoesNotContain(sim.History.SelectMany(h => h.Starts), s => s.Name == "regular-1");
    }

    [Fact]
    public void SC24_SidecarFailingLiveness_Restarts_AndTheNextContainerStillStarts_Always()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc24").Always()
            .Sidecar("sidecar-1", c => c with { LivenessProbe = PodBuilder.ExecProbe(initialDelay: 5, failureThreshold: 1), Lifecycle = new() { PreStop = PodBuilder.SleepHook } })
            .Regular("regular-1").Build());
        sim.SyncUntilIdle();
        Assert.True(sim.IsRunning("regular-1"));
        sim.Advance(6);
        sim.SetProbe("sidecar-1", ProbeType.Liveness, ProbeResult.Failure);
        var actions = sim.Sync();
        Assert.Equal("Init container sidecar-1 failed liveness probe", actions.Kills.Single().Message);
        Assert.Equal(["sidecar-1"], actions.Starts.Select(s => s.Name));
        Assert.Equal(1, sim.StatusOf("sidecar-1").RestartCount);
    }

    private static string TerminationStepKind(KillContainerAction kill) => kill.Plan.Begin(DateTimeOffset.UnixEpoch).Steps.Single().Kind.ToString();
}
