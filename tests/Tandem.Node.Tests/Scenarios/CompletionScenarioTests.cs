using Tandem.Node.Lifecycle;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Scenarios;

/// <summary>Section 3 scenarios about restarts and completion with sidecars, replayed as snapshots under a fake clock.</summary>
public sealed class CompletionScenarioTests
{
    [Fact]
    public void SC05_CrashLoopBackOffOfARegularContainer_Always()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc05").Always().Regular("regular-1").Build());
        sim.Sync();
        var gaps = new List<double>();
        for (var n = 0; n < 4; n++)
        {
            sim.Advance(1);
            sim.Exit("regular-1", 1);
            var exited = sim.Now;
            while (!sim.Sync().Starts.Any())
            {
                if (n == 1)
                {
                    var status = sim.StatusOf("regular-1");
                    Assert.Equal(("CrashLoopBackOff", "back-off 10s restarting failed container=regular-1 pod=sc05_default(uid-sc05)"),
                        (status.State!.Waiting!.Reason, status.State.Waiting.Message));
                    Assert.Equal((1, "Error", false, false), (status.LastState!.Terminated!.ExitCode, status.LastState.Terminated.Reason, status.Ready, status.Started!.Value));
                    Assert.Equal(PodPhases.Running, sim.Phase);
                    var ready = sim.Condition(ConditionTypes.Ready);
                    Assert.Equal(("False", "ContainersNotReady", "containers with unready status: [regular-1]"), (ready.Status, ready.Reason, ready.Message));
                }
                sim.Advance(1);
            }
            gaps.Add((sim.Now - exited).TotalSeconds);
        }
        Assert.Equal([0, 10, 20, 40], gaps);
        Assert.True(sim.StatusOf("regular-1").RestartCount >= 3);
        Assert.Contains(sim.Events, e => e.Reason == EventReasons.BackOff);
    }

    [Theory]
    [InlineData("Never")]
    [InlineData("OnFailure")]
    public void SC13_ASidecarThatRunsForeverDoesNotBlockCompletion(string policy)
    {
        var sim = new PodSimulator(PodBuilder.Named("sc13").Policy(policy).Sidecar("sidecar-1").Regular("regular-1").Build());
        sim.SyncUntilIdle();
        sim.Advance(1);
        sim.Exit("regular-1", 0);
        Assert.Equal(PodPhases.Running, sim.Phase);
        Assert.Equal("False", sim.Condition(ConditionTypes.ContainersReady).Status);
        var kill = sim.Sync().KillPod!;
        Assert.Equal(TerminationCause.Completed, kill.Cause);
        Assert.Equal(["sidecar-1"], sim.Stopped);
        Assert.Equal(PodPhases.Running, sim.Phase);
        sim.Exit("sidecar-1", 0);
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
        Assert.Equal((0, "Completed", 0), (sim.StatusOf("sidecar-1").State!.Terminated!.ExitCode, sim.StatusOf("sidecar-1").State!.Terminated!.Reason, sim.StatusOf("sidecar-1").RestartCount));
        Assert.Equal(0, sim.SyncUntilIdle());
    }

    [Fact]
    public void SC16_ASidecarExitingZeroIsRestartedBeforeAndAfterTheRegularContainerStarts_Never()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc16").Never().Sidecar("sidecar-1").Init("init-1").Regular("regular-1").Build());
        var origin = sim.Now;
        var starts = new List<(double At, string Name)>();
        void Sync() => starts.AddRange(sim.Sync().Starts.Select(s => ((sim.Now - origin).TotalSeconds, s.Name)));
        Sync(); // sidecar-1
        Sync(); // init-1 (the sidecar is started: no startup probe)
        sim.Advance(5);
        sim.Exit("sidecar-1", 0);
        Sync(); // first restart: immediate, while init-1 still runs
        sim.Exit("init-1", 0);
        Sync(); // regular-1
        var regularStarted = starts.Single(s => s.Name == "regular-1").At;
        sim.Advance(5);
        sim.Exit("sidecar-1", 0);
        sim.Sync();
        // R31: shown as terminated{0, Completed} while in back-off, not CrashLoopBackOff.
        Assert.Equal((0, "Completed"), (sim.StatusOf("sidecar-1").State!.Terminated!.ExitCode, sim.StatusOf("sidecar-1").State!.Terminated!.Reason));
        Assert.Equal(PodPhases.Running, sim.Phase);
        for (var i = 0; i < 10 && !sim.IsRunning("sidecar-1"); i++)
        {
            sim.Advance(1);
            Sync();
        }
        Assert.True(starts.Last().Name == "sidecar-1" && starts.Last().At > regularStarted);
        Assert.Equal(2, sim.StatusOf("sidecar-1").RestartCount);
        Assert.Equal(1, starts.Count(s => s.Name == "init-1"));
        Assert.Equal(1, starts.Count(s => s.Name == "regular-1"));
        sim.Advance(50);
        sim.Exit("regular-1", 0);
        sim.Sync();
        sim.Exit("sidecar-1", 0);
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
    }

    [Fact]
    public void SC40a_FailingRegularContainerInNeverPod_FailsThePod_AndTerminatesTheSidecar()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc40").Never().Sidecar("sidecar-1").Regular("regular-1").Build());
        sim.SyncUntilIdle();
        sim.Advance(2);
        sim.Exit("regular-1", 1);
        Assert.Equal(PodPhases.Running, sim.Phase);
        sim.Sync();
        Assert.Equal(["sidecar-1"], sim.Stopped);
        sim.Advance(1);
        sim.Exit("sidecar-1", 0);
        Assert.Equal(PodPhases.Failed, sim.Phase);
        Assert.Equal((1, "Error", 0), (sim.StatusOf("regular-1").State!.Terminated!.ExitCode, sim.StatusOf("regular-1").State!.Terminated!.Reason, sim.StatusOf("regular-1").RestartCount));
        Assert.Equal((0, "Completed", 0), (sim.StatusOf("sidecar-1").State!.Terminated!.ExitCode, sim.StatusOf("sidecar-1").State!.Terminated!.Reason, sim.StatusOf("sidecar-1").RestartCount));
        Assert.Equal(("False", "PodFailed"), (sim.Condition(ConditionTypes.ContainersReady).Status, sim.Condition(ConditionTypes.ContainersReady).Reason));
    }

    [Fact]
    public void SC40b_FailingRegularContainerInOnFailurePod_RestartsWithBackOff_SidecarUntouched()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc40").OnFailure().Sidecar("sidecar-1").Regular("regular-1").Build());
        sim.SyncUntilIdle();
        for (var second = 0; second < 60; second++)
        {
            if (sim.IsRunning("regular-1"))
            {
                sim.Advance(2);
                sim.Exit("regular-1", 1);
            }
            sim.Sync();
            Assert.Equal(PodPhases.Running, sim.Phase);
            sim.Advance(1);
        }
        var regular = sim.StatusOf("regular-1");
        Assert.True(regular.RestartCount >= 2);
        if (regular.State!.Waiting is { } waiting)
        {
            Assert.Equal("CrashLoopBackOff", waiting.Reason);
            Assert.Equal("False", sim.Condition(ConditionTypes.Ready).Status);
        }
        Assert.Equal((true, 0), (sim.IsRunning("sidecar-1"), sim.StatusOf("sidecar-1").RestartCount));
    }
}
