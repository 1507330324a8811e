using Tandem.Node.Lifecycle;
using Tandem.Node.Termination;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Termination;

public sealed class TerminationPlanTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PodBuilder ThreeSidecars(long grace = 30) => PodBuilder.Named("p").Never().Grace(grace)
        .Sidecar("sidecar-1").Sidecar("sidecar-2").Sidecar("sidecar-3").Regular("regular-1");

    private static readonly string[] All = ["sidecar-1", "sidecar-2", "sidecar-3", "regular-1"];

    [Fact]
    public void RegularContainers_StopTogether_Immediately_T1()
    {
        var pod = PodBuilder.Named("p").Sidecar("s").Regular("a").Regular("b").Build();
        var steps = TerminationPlan.ForPod(pod, ["s", "a", "b"]).Begin(T0).Steps;
        Assert.Equal(["a", "b"], steps.Where(s => s.Kind == TerminationStepKind.Stop).Select(s => s.Container));
        Assert.All(steps.Where(s => s.Kind == TerminationStepKind.Stop), s => Assert.Equal(30, s.GracePeriodSeconds));
    }

    [Fact]
    public void SidecarPreStop_RunsImmediately_WithTheRegularContainers_T2()
    {
        var pod = PodBuilder.Named("p").Sidecar("s", c => c with { Lifecycle = new() { PreStop = PodBuilder.SleepHook } }).Regular("main").Build();
        var steps = TerminationPlan.ForPod(pod, ["s", "main"]).Begin(T0).Steps;
        Assert.Contains(new TerminationStep(TerminationStepKind.RunPreStop, "s", 30), steps);
        Assert.Contains(new TerminationStep(TerminationStepKind.Stop, "main", 30), steps);
        Assert.DoesNotContain(steps, s => s.Kind == TerminationStepKind.Stop && s.Container == "s");
    }

    [Fact]
    public void Sidecars_StopInReverseOrder_AfterRegularContainers_T3_SC26()
    {
        var driver = new TerminationDriver(TerminationPlan.ForPod(ThreeSidecars().Build(), All));
        foreach (var name in All)
        {
            driver.TermSeconds[name] = 5;
        }
        driver.Run();
        var o = driver.Outcomes;
        Assert.Equal((0.0, 5.0), (o["regular-1"].StopAt!.Value, o["regular-1"].ExitAt!.Value));
        Assert.Equal((5.0, 10.0), (o["sidecar-3"].StopAt!.Value, o["sidecar-3"].ExitAt!.Value));
        Assert.Equal((10.0, 15.0), (o["sidecar-2"].StopAt!.Value, o["sidecar-2"].ExitAt!.Value));
        Assert.Equal((15.0, 20.0), (o["sidecar-1"].StopAt!.Value, o["sidecar-1"].ExitAt!.Value));
        Assert.All(o.Values, v => Assert.Equal(0, v.ExitCode));
        Assert.Equal([25L, 20L, 15L], new[] { "sidecar-3", "sidecar-2", "sidecar-1" }.Select(n => o[n].Grace!.Value));
    }

    [Fact]
    public void NeverEndingPreStops_LeadToEmergencyTermination_AtGracePlusTwo_T4_SC28()
    {
        var pod = PodBuilder.Named("p").Never().Grace(30)
            .Sidecar("sidecar-1", WithPreStop).Sidecar("sidecar-2", WithPreStop).Sidecar("sidecar-3", WithPreStop).Regular("regular-1").Build();
        var driver = new TerminationDriver(TerminationPlan.ForPod(pod, All));
        driver.TermSeconds["regular-1"] = 1;
        foreach (var name in All.Take(3))
        {
            driver.PreStopSeconds[name] = double.PositiveInfinity;
            driver.TermSeconds[name] = null;
        }
        driver.Run();
        foreach (var name in All.Take(3))
        {
            var o = driver.Outcomes[name];
            Assert.Equal((0.0, 30.0, 2L, 32.0, 137), (o.PreStopAt!.Value, o.StopAt!.Value, o.Grace!.Value, o.ExitAt!.Value, o.ExitCode!.Value));
        }
    }

    [Fact]
    public void SlowRegularContainer_EatsTheSidecarsBudget_AllSidecarsGetTwoSecondsTogether_T4_SC33()
    {
        var driver = new TerminationDriver(TerminationPlan.ForPod(ThreeSidecars(grace: 5).Build(), All, gracePeriodOverride: 5));
        (driver.TermSeconds["sidecar-1"], driver.TermSeconds["sidecar-2"], driver.TermSeconds["sidecar-3"], driver.TermSeconds["regular-1"]) = (20, 1, 20, 20);
        driver.Run();
        var o = driver.Outcomes;
        Assert.Equal((137, 5.0), (o["regular-1"].ExitCode!.Value, o["regular-1"].ExitAt!.Value));
        foreach (var name in All.Take(3))
        {
            Assert.Equal((5.0, 2L), (o[name].StopAt!.Value, o[name].Grace!.Value));
        }
        Assert.Equal([137, 0, 137], All.Take(3).Select(n => o[n].ExitCode!.Value));
        Assert.Equal(7.0, o.Values.Max(v => v.ExitAt!.Value));
    }

    [Fact]
    public void SlowSidecar_GetsTheRemainingGrace_FloorArithmetic_T4_SC34()
    {
        var driver = new TerminationDriver(TerminationPlan.ForPod(ThreeSidecars(grace: 5).Build(), All, gracePeriodOverride: 5));
        (driver.TermSeconds["sidecar-1"], driver.TermSeconds["sidecar-2"], driver.TermSeconds["sidecar-3"], driver.TermSeconds["regular-1"]) = (1, 20, 1, 1);
        driver.Run();
        var o = driver.Outcomes;
        Assert.Equal((0, 1.0), (o["regular-1"].ExitCode!.Value, o["regular-1"].ExitAt!.Value));
        Assert.Equal((1.0, 4L, 2.0), (o["sidecar-3"].StopAt!.Value, o["sidecar-3"].Grace!.Value, o["sidecar-3"].ExitAt!.Value));
        Assert.Equal((2.0, 3L, 5.0, 137), (o["sidecar-2"].StopAt!.Value, o["sidecar-2"].Grace!.Value, o["sidecar-2"].ExitAt!.Value, o["sidecar-2"].ExitCode!.Value));
        Assert.Equal((5.0, 2L, 0), (o["sidecar-1"].StopAt!.Value, o["sidecar-1"].Grace!.Value, o["sidecar-1"].ExitCode!.Value));
    }

    [Fact]
    public void RegularPreStop_OverrunningTheGrace_IsCutOff_ThenTwoSeconds_T4_SC35()
    {
        var pod = PodBuilder.Named("p").Never().Grace(5).Sidecar("sidecar-1").Sidecar("sidecar-2").Sidecar("sidecar-3")
            .Regular("regular-1", WithPreStop).Build();
        var driver = new TerminationDriver(TerminationPlan.ForPod(pod, All, 5));
        driver.PreStopSeconds["regular-1"] = 20;
        (driver.TermSeconds["sidecar-1"], driver.TermSeconds["sidecar-2"], driver.TermSeconds["sidecar-3"], driver.TermSeconds["regular-1"]) = (1, 20, 1, 20);
        driver.Run();
        var o = driver.Outcomes;
        Assert.Equal((5.0, 2L, 137), (o["regular-1"].StopAt!.Value, o["regular-1"].Grace!.Value, o["regular-1"].ExitCode!.Value));
        Assert.All(All.Take(3), n => Assert.Equal(5.0, o[n].StopAt!.Value));
        Assert.Equal([0, 137, 0], All.Take(3).Select(n => o[n].ExitCode!.Value));
    }

    [Fact]
    public void PreStopTime_IsSubtractedInWholeSeconds_P15()
    {
        var pod = PodBuilder.Named("p").Grace(10).Regular("main", WithPreStop).Build();
        var plan = TerminationPlan.ForPod(pod, ["main"]).Begin(T0).Plan;
        var update = plan.PreStopFinished("main", T0.AddSeconds(3.9));
        Assert.Equal(new TerminationStep(TerminationStepKind.Stop, "main", 7), update.Steps.Single());
    }

    [Fact]
    public void SidecarsWait_NotForRegularInitContainers_T5_SC29()
    {
        var pod = PodBuilder.Named("p").Never().Init("start-init").Sidecar("sidecar-1").Sidecar("sidecar-2").Regular("regular-1").Build();
        var steps = TerminationPlan.ForPod(pod, ["start-init"], 3).Begin(T0).Steps;
        Assert.Equal(new TerminationStep(TerminationStepKind.Stop, "start-init", 3), steps.Single());
    }

    [Fact]
    public void NotRunningContainers_AreNeitherKilledNorWaitedFor_T6_P5()
    {
        // sidecar-2 never started (or is in back-off): sidecar-1 must not wait for it (#125880).
        var pod = PodBuilder.Named("p").Sidecar("sidecar-1").Sidecar("sidecar-2").Regular("regular-1").Build();
        var update = TerminationPlan.ForPod(pod, ["sidecar-1"]).Begin(T0);
        Assert.Equal(new TerminationStep(TerminationStepKind.Stop, "sidecar-1", 30), update.Steps.Single());
        Assert.False(update.Plan.Find("sidecar-2")!.Running);
    }

    [Fact]
    public void GraceZero_SkipsPreStop_AndStillGivesTwoSeconds_T8()
    {
        var pod = PodBuilder.Named("p").Sidecar("s", WithPreStop).Regular("main", WithPreStop).Build();
        var steps = TerminationPlan.ForPod(pod, ["s", "main"], gracePeriodOverride: 0).Begin(T0).Steps;
        Assert.DoesNotContain(steps, s => s.Kind == TerminationStepKind.RunPreStop);
        Assert.Equal([("s", 2L), ("main", 2L)], steps.Select(s => (s.Container, s.GracePeriodSeconds)));
    }

    [Fact]
    public void DeletionGrace_OverridesSpecAndProbeGrace_T8()
    {
        var pod = PodBuilder.Named("p").Grace(30).Deleted(T0, 4).Regular("main", c => c with { LivenessProbe = PodBuilder.ExecProbe(grace: 9) }).Build();
        Assert.Equal(4, GracePeriods.ForPod(pod));
        Assert.Equal(4, GracePeriods.ForContainer(pod, pod.Spec!.Containers![0], KillReason.LivenessProbe));
        var undeleted = PodBuilder.Named("p").Grace(30).Regular("main", c => c with { LivenessProbe = PodBuilder.ExecProbe(grace: 9) }).Build();
        Assert.Equal(9, GracePeriods.ForContainer(undeleted, undeleted.Spec!.Containers![0], KillReason.LivenessProbe));
        Assert.Equal(30, GracePeriods.ForContainer(undeleted, undeleted.Spec!.Containers![0], KillReason.StartupProbe));
    }

    [Fact]
    public void NextDeadline_TellsTheExecutorWhenToTick()
    {
        var plan = TerminationPlan.ForPod(ThreeSidecars(grace: 5).Build(), All).Begin(T0).Plan;
        Assert.Equal(T0.AddSeconds(5), plan.NextDeadline);
    }

    [Fact]
    public void SidecarExitingOnItsOwn_IsReleasedOnlyWhenItsTurnComes_T3()
    {
        var plan = TerminationPlan.ForPod(ThreeSidecars().Build(), All).Begin(T0).Plan;
        // sidecar-3 crashes while regular-1 still drains: sidecar-2 must keep waiting for regular-1.
        var update = plan.Exited("sidecar-3", T0.AddSeconds(1));
        Assert.Empty(update.Steps);
        update = update.Plan.Exited("regular-1", T0.AddSeconds(2));
        Assert.Equal(["sidecar-3", "sidecar-2"], update.Steps.Select(s => s.Container));
    }

    private static Model.CoreV1.Container WithPreStop(Model.CoreV1.Container c) => c with { Lifecycle = new() { PreStop = PodBuilder.SleepHook } };
}
