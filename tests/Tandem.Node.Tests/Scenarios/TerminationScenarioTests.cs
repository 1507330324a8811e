using Tandem.Node.Lifecycle;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Scenarios;

/// <summary>
/// Section 3 termination scenarios: the decision that kills the pod, the plan's timeline driven against scripted
/// containers, and the status the outcome produces.
/// </summary>
public sealed class TerminationScenarioTests
{
    private static readonly string[] Sidecars = ["sidecar-1", "sidecar-2", "sidecar-3"];

    private static PodSimulator Pod(string name, long grace, Func<Model.CoreV1.Container, Model.CoreV1.Container>? sidecar = null) =>
        new(PodBuilder.Named(name).Never().Grace(grace).Sidecar("sidecar-1", sidecar).Sidecar("sidecar-2", sidecar).Sidecar("sidecar-3", sidecar).Regular("regular-1").Build());

    private static void Running(PodSimulator sim)
    {
        sim.SyncUntilIdle();
        Assert.All(Sidecars.Append("regular-1"), n => Assert.True(sim.IsRunning(n)));
    }

    // Feeds the driven exits to the simulator at their times (the termination began at the simulator's now).
    private static void Replay(PodSimulator sim, TerminationDriver driver)
    {
        var start = sim.Now;
        foreach (var (name, outcome) in driver.Outcomes.OrderBy(o => o.Value.ExitAt))
        {
            sim.Advance((start.AddSeconds(outcome.ExitAt!.Value) - sim.Now).TotalSeconds);
            sim.Exit(name, outcome.ExitCode!.Value);
        }
    }

    [Fact]
    public void SC26_AfterTheRegularContainerExits_SidecarsAreTerminatedInReverseOrder()
    {
        var sim = Pod("sc26", 30);
        Running(sim);
        sim.Exit("regular-1", 0);
        var kill = sim.Sync().KillPod!;
        Assert.Equal(TerminationCause.Completed, kill.Cause);
        var driver = new TerminationDriver(kill.Plan);
        foreach (var name in Sidecars)
        {
            driver.TermSeconds[name] = 5;
        }
        driver.Run();
        Assert.Equal([5.0, 10.0, 15.0], new[] { "sidecar-3", "sidecar-2", "sidecar-1" }.Select(n => driver.Outcomes[n].ExitAt!.Value));
        Assert.All(driver.Outcomes.Values, o => Assert.Equal(0, o.ExitCode));
        Replay(sim, driver);
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
        Assert.All(Sidecars, n => Assert.Equal(("Completed", 0), (sim.StatusOf(n).State!.Terminated!.Reason, sim.StatusOf(n).RestartCount)));
    }

    [Fact]
    public void SC28_PreStopHooksThatNeverFinish_EmergencyTerminationAtGracePlusTwo()
    {
        var sim = Pod("sc28", 30, c => c with { Lifecycle = new() { PreStop = PodBuilder.SleepHook } });
        Running(sim);
        sim.Exit("regular-1", 0);
        var driver = new TerminationDriver(sim.Sync().KillPod!.Plan);
        foreach (var name in Sidecars)
        {
            (driver.PreStopSeconds[name], driver.TermSeconds[name]) = (double.PositiveInfinity, 5);
        }
        driver.Run();
        Assert.All(Sidecars, n => Assert.Equal((0.0, 30.0, 2L, 32.0, 137), (driver.Outcomes[n].PreStopAt!.Value, driver.Outcomes[n].StopAt!.Value, driver.Outcomes[n].Grace!.Value, driver.Outcomes[n].ExitAt!.Value, driver.Outcomes[n].ExitCode!.Value)));
        Replay(sim, driver);
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
        Assert.All(Sidecars, n => Assert.Equal((137, "Error"), (sim.StatusOf(n).State!.Terminated!.ExitCode, sim.StatusOf(n).State!.Terminated!.Reason)));
    }

    [Fact]
    public void SC33_RegularContainerOverrunsGrace_Gets137_PodFails_SidecarsGetTwoSeconds()
    {
        var sim = Pod("sc33", 5);
        Running(sim);
        sim.Delete(5);
        var kill = sim.Sync().KillPod!;
        Assert.Equal(TerminationCause.Deleted, kill.Cause);
        Assert.Contains(sim.Events, e => e.Reason == EventReasons.Killing && e.Message == "Stopping container regular-1");
        var driver = new TerminationDriver(kill.Plan);
        (driver.TermSeconds["sidecar-1"], driver.TermSeconds["sidecar-2"], driver.TermSeconds["sidecar-3"], driver.TermSeconds["regular-1"]) = (20, 1, 20, 20);
        driver.Run();
        Assert.All(Sidecars, n => Assert.Equal((5.0, 2L), (driver.Outcomes[n].StopAt!.Value, driver.Outcomes[n].Grace!.Value)));
        Assert.Equal(7.0, driver.Outcomes.Values.Max(o => o.ExitAt!.Value));
        Replay(sim, driver);
        Assert.Equal(PodPhases.Failed, sim.Phase);
        Assert.Equal([137, 0, 137, 137], Sidecars.Append("regular-1").Select(n => sim.StatusOf(n).State!.Terminated!.ExitCode));
    }

    [Fact]
    public void Deletion_RecordsKilling_InTheOrderContainersAreStopped_AppFirstThenSidecarsInReverse()
    {
        var sim = Pod("order", 5);
        Running(sim);
        sim.Delete(5);

        sim.Sync();

        Assert.Equal(["regular-1", "sidecar-3", "sidecar-2", "sidecar-1"],
            sim.Events.Where(e => e.Reason == EventReasons.Killing).Select(e => e.Container));
    }

    [Fact]
    public void SC34_SidecarOverrunsGrace_Gets137_PodStillSucceeds()
    {
        var sim = Pod("sc34", 5);
        Running(sim);
        sim.Delete(5);
        var driver = new TerminationDriver(sim.Sync().KillPod!.Plan);
        (driver.TermSeconds["sidecar-1"], driver.TermSeconds["sidecar-2"], driver.TermSeconds["sidecar-3"], driver.TermSeconds["regular-1"]) = (1, 20, 1, 1);
        driver.Run();
        var o = driver.Outcomes;
        Assert.Equal((1.0, 2.0), (o["regular-1"].ExitAt!.Value, o["sidecar-3"].ExitAt!.Value));
        Assert.Equal((2.0, 3L, 5.0), (o["sidecar-2"].StopAt!.Value, o["sidecar-2"].Grace!.Value, o["sidecar-2"].ExitAt!.Value));
        Assert.Equal((5.0, 2L, 6.0), (o["sidecar-1"].StopAt!.Value, o["sidecar-1"].Grace!.Value, o["sidecar-1"].ExitAt!.Value));
        Replay(sim, driver);
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
        Assert.Equal([0, 137, 0, 0], Sidecars.Append("regular-1").Select(n => sim.StatusOf(n).State!.Terminated!.ExitCode));
    }

    [Theory]
    [InlineData(false, 30.0)]
    [InlineData(true, 32.0)]
    public void SC07_GraceIsHonoured_IncludingAPreStopThatNeverEnds(bool endlessPreStop, double killedAt)
    {
        var sim = new PodSimulator(PodBuilder.Named("sc07").Grace(30)
            .Regular("regular1", c => endlessPreStop ? c with { Lifecycle = new() { PreStop = PodBuilder.SleepHook } } : c).Build());
        sim.SyncUntilIdle();
        sim.Delete(30);
        var driver = new TerminationDriver(sim.Sync().KillPod!.Plan);
        driver.TermSeconds["regular1"] = null; // sleep as PID 1 ignores SIGTERM
        driver.PreStopSeconds["regular1"] = double.PositiveInfinity;
        driver.Run();
        Assert.Equal((killedAt, 137), (driver.Outcomes["regular1"].ExitAt!.Value, driver.Outcomes["regular1"].ExitCode!.Value));
        Replay(sim, driver);
        Assert.Equal(PodPhases.Failed, sim.Phase);
        Assert.Equal((137, "Error"), (sim.StatusOf("regular1").State!.Terminated!.ExitCode, sim.StatusOf("regular1").State!.Terminated!.Reason));
    }

    [Fact]
    public void SC31_ASidecarsNonZeroExitOnSigterm_DoesNotChangeTheOutcomeOfADeletion()
    {
        var sim = Pod("sc31", 30);
        Running(sim);
        sim.Delete(30);
        var driver = new TerminationDriver(sim.Sync().KillPod!.Plan);
        foreach (var name in Sidecars.Append("regular-1"))
        {
            driver.TermSeconds[name] = 1;
        }
        driver.Run();
        Assert.Equal(["regular-1", "sidecar-3", "sidecar-2", "sidecar-1"], driver.Outcomes.OrderBy(o => o.Value.ExitAt).Select(o => o.Key));
        var start = sim.Now;
        foreach (var (name, outcome) in driver.Outcomes.OrderBy(o => o.Value.ExitAt))
        {
            sim.Advance((start.AddSeconds(outcome.ExitAt!.Value) - sim.Now).TotalSeconds);
            sim.Exit(name, name == "sidecar-2" ? 1 : outcome.ExitCode!.Value);
        }
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
        Assert.Equal(("Error", 1), (sim.StatusOf("sidecar-2").State!.Terminated!.Reason, sim.StatusOf("sidecar-2").State!.Terminated!.ExitCode));
    }
}
