using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Scenarios;

/// <summary>Section 3 scenarios about init ordering, replayed as snapshots under a fake clock.</summary>
public sealed class InitSequenceScenarioTests
{
    [Fact]
    public void SC01_InitContainersRunOneAfterAnother_ThenRegular_Never()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc01").Never().Init("init-1").Init("init-2").Init("init-3")
            .Regular("regular-1", c => c with { StartupProbe = PodBuilder.ExecProbe() }).Build());
        var inits = new[] { "init-1", "init-2", "init-3" };
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal([inits[k]], sim.Sync().Starts.Select(s => s.Name));
            Assert.Equal(PodPhases.Pending, sim.Phase);
            var initialized = sim.Condition(ConditionTypes.Initialized);
            Assert.Equal(("False", "ContainersNotInitialized", $"containers with incomplete status: [{string.Join(' ', inits[k..])}]"),
                (initialized.Status, initialized.Reason, initialized.Message));
            Assert.Equal((true, false), (sim.StatusOf(inits[k]).Started!.Value, sim.StatusOf(inits[k]).Ready));
            Assert.Equal(WaitingReasons.PodInitializing, sim.StatusOf("regular-1").State!.Waiting!.Reason);
            Assert.True(sim.Sync().IsEmpty); // nothing else while a regular init container runs
            sim.Advance(1);
            sim.Exit(inits[k], 0);
        }
        Assert.Equal(["regular-1"], sim.Sync().Starts.Select(s => s.Name));
        Assert.Equal(PodPhases.Running, sim.Phase);
        Assert.Equal((false, false), (sim.StatusOf("regular-1").Started!.Value, sim.StatusOf("regular-1").Ready));
        sim.Advance(5);
        sim.SetProbe("regular-1", ProbeType.Startup, ProbeResult.Success);
        Assert.True(sim.StatusOf("regular-1").Started);
        sim.Advance(1);
        sim.Exit("regular-1", 0);
        Assert.Equal(TerminationCause.Completed, sim.Sync().KillPod!.Cause);
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
        foreach (var init in inits)
        {
            var status = sim.StatusOf(init);
            Assert.Equal((0, "Completed", true, false, 0), (status.State!.Terminated!.ExitCode, status.State.Terminated.Reason, status.Ready, status.Started!.Value, status.RestartCount));
        }
        Assert.Equal((0, "Completed"), (sim.StatusOf("regular-1").State!.Terminated!.ExitCode, sim.StatusOf("regular-1").State!.Terminated!.Reason));
        AssertCondition(sim, ConditionTypes.Initialized, "True", "PodCompleted");
        AssertCondition(sim, ConditionTypes.ContainersReady, "False", "PodCompleted");
        AssertCondition(sim, ConditionTypes.Ready, "False", "PodCompleted");
        AssertCondition(sim, ConditionTypes.PodScheduled, "True", null);
        AssertCondition(sim, ConditionTypes.PodReadyToStartContainers, "False", null);
    }

    [Fact]
    public void SC02_AFailedInitContainerFailsThePod_Never()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc02").Never().Init("init-1").Regular("regular-1").Build());
        sim.Sync();
        sim.Advance(1);
        sim.Exit("init-1", 1);
        Assert.Equal(PodPhases.Failed, sim.Phase); // flips as soon as the exit is observed
        sim.SyncUntilIdle();
        Assert.DoesNotContain(sim.History.SelectMany(h => h.Starts), s => s.Name == "regular-1");
        var init = sim.StatusOf("init-1");
        Assert.Equal((1, "Error", 0), (init.State!.Terminated!.ExitCode, init.State.Terminated.Reason, init.RestartCount));
        Assert.Equal(WaitingReasons.PodInitializing, sim.StatusOf("regular-1").State!.Waiting!.Reason);
        AssertCondition(sim, ConditionTypes.Initialized, "False", "ContainersNotInitialized", "containers with incomplete status: [init-1]");
        AssertCondition(sim, ConditionTypes.ContainersReady, "False", "PodFailed");
    }

    [Fact]
    public void SC12_MixedInitContainersAndSidecarsStartInOrder_Never()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc12").Never()
            .Init("init-1").Sidecar("sidecar-1", c => c with { StartupProbe = PodBuilder.ExecProbe(period: 1) })
            .Init("init-2").Sidecar("sidecar-2", c => c with { StartupProbe = PodBuilder.ExecProbe(period: 1) })
            .Init("init-3").Regular("regular-1").Build());
        var order = new List<string>();
        void Step(Action observe)
        {
            observe();
            order.AddRange(sim.Sync().Starts.Select(s => s.Name));
            sim.Advance(1);
        }
        Step(() => { });
        Step(() => sim.Exit("init-1", 0));
        Step(() => sim.SetProbe("sidecar-1", ProbeType.Startup, ProbeResult.Success));
        Assert.True(sim.IsRunning("sidecar-1") && sim.IsRunning("init-2"));
        Step(() => sim.Exit("init-2", 0));
        Step(() => sim.SetProbe("sidecar-2", ProbeType.Startup, ProbeResult.Success));
        Step(() => sim.Exit("init-3", 0));
        Assert.Equal(["init-1", "sidecar-1", "init-2", "sidecar-2", "init-3", "regular-1"], order);
        Assert.True(sim.IsRunning("sidecar-1") && sim.IsRunning("sidecar-2") && sim.IsRunning("regular-1"));
        sim.Exit("regular-1", 0);
        sim.Sync();
        Assert.Equal(["sidecar-2"], sim.Stopped);
        sim.Exit("sidecar-2", 0);
        Assert.Equal(["sidecar-2", "sidecar-1"], sim.Stopped);
        sim.Exit("sidecar-1", 0);
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
        Assert.All(new[] { "sidecar-1", "sidecar-2" }, n => Assert.Equal((0, "Completed", 0), (sim.StatusOf(n).State!.Terminated!.ExitCode, sim.StatusOf(n).State!.Terminated!.Reason, sim.StatusOf(n).RestartCount)));
    }

    [Fact]
    public void SC18_InitBeforeSidecarFails_PodFails_SidecarNeverStarts_Never()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc18").Never().Init("init-1").Sidecar("sidecar-1").Regular("regular-1").Build());
        sim.Sync();
        sim.Exit("init-1", 1);
        sim.SyncUntilIdle();
        Assert.Equal(PodPhases.Failed, sim.Phase);
        Assert.Equal(["init-1"], sim.History.SelectMany(h => h.Starts).Select(s => s.Name));
        Assert.Equal((1, "Error"), (sim.StatusOf("init-1").State!.Terminated!.ExitCode, sim.StatusOf("init-1").State!.Terminated!.Reason));
        Assert.Equal((WaitingReasons.PodInitializing, 0), (sim.StatusOf("sidecar-1").State!.Waiting!.Reason, sim.StatusOf("sidecar-1").RestartCount));
        AssertCondition(sim, ConditionTypes.Initialized, "False", "ContainersNotInitialized", "containers with incomplete status: [init-1 sidecar-1]");
    }

    [Theory]
    [InlineData("OnFailure")]
    [InlineData("Always")]
    public void SC20_InitBeforeSidecarKeepsFailing_PendingForever(string policy)
    {
        var sim = new PodSimulator(PodBuilder.Named("sc20").Policy(policy).Init("init-1").Sidecar("sidecar-1").Regular("regular-1").Build());
        sim.Sync();
        for (var second = 0; second < 300; second++)
        {
            if (sim.IsRunning("init-1"))
            {
                sim.Exit("init-1", 1);
            }
            sim.Sync();
            Assert.Equal(PodPhases.Pending, sim.Phase);
            sim.Advance(1);
        }
        var init = sim.StatusOf("init-1");
        Assert.True(init.RestartCount >= 3);
        Assert.Equal(("CrashLoopBackOff", 1, "Error"), (init.State!.Waiting!.Reason, init.LastState!.Terminated!.ExitCode, init.LastState.Terminated.Reason));
        Assert.DoesNotContain(sim.History.SelectMany(h => h.Starts), s => s.Name == "sidecar-1");
    }

    [Fact]
    public void SC22_SidecarsWithStartupProbesStartOneAfterAnother()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc22").Never()
            .Sidecar("sidecar-1", c => c with { StartupProbe = PodBuilder.ExecProbe() })
            .Sidecar("sidecar-2", c => c with { StartupProbe = PodBuilder.ExecProbe() })
            .Regular("regular-1").Build());
        Assert.Equal(["sidecar-1"], sim.Sync().Starts.Select(s => s.Name));
        for (var i = 0; i < 10; i++)
        {
            sim.Advance(1);
            Assert.True(sim.Sync().IsEmpty);
        }
        sim.SetProbe("sidecar-1", ProbeType.Startup, ProbeResult.Success);
        Assert.Equal(["sidecar-2"], sim.Sync().Starts.Select(s => s.Name));
        Assert.Equal((PodPhases.Pending, "False"), (sim.Phase, sim.Condition(ConditionTypes.Initialized).Status));
        sim.Advance(10);
        sim.SetProbe("sidecar-2", ProbeType.Startup, ProbeResult.Success);
        Assert.Equal(["regular-1"], sim.Sync().Starts.Select(s => s.Name));
        Assert.Equal("True", sim.Condition(ConditionTypes.Initialized).Status);
        sim.Advance(1);
        sim.Exit("regular-1", 0);
        sim.Sync();
        sim.Exit("sidecar-2", 0);
        sim.Exit("sidecar-1", 0);
        Assert.Equal(PodPhases.Succeeded, sim.Phase);
    }

    private static void AssertCondition(PodSimulator sim, string type, string status, string? reason, string? message = null)
    {
        var condition = sim.Condition(type);
        Assert.Equal((status, reason), (condition.Status, condition.Reason));
        if (message is not null)
        {
            Assert.Equal(message, condition.Message);
        }
    }
}
