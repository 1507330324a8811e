using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;
using Tandem.Node.Probing;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Status;

public sealed class PodConditionsTests
{
    [Fact]
    public void Conditions_AreWrittenInKubeletOrder_AfterForeignOnes_K()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Regular("main").Build());
        var previous = new PodStatus { Conditions = [new PodCondition { Type = "example.com/Custom", Status = "True" }] };
        var status = PodStatusGenerator.Generate(sim.Snapshot, previous, sim.Now);
        Assert.Equal(["example.com/Custom", "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"],
            status.Conditions!.Select(c => c.Type));
    }

    [Fact]
    public void PodReadyToStartContainers_FollowsTheSandbox_K()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Regular("main").Build());
        sim.Publish();
        Assert.Equal("False", sim.Condition(ConditionTypes.PodReadyToStartContainers).Status);
        sim.Sync();
        Assert.Equal("True", sim.Condition(ConditionTypes.PodReadyToStartContainers).Status);
        sim.Exit("main", 0);
        sim.Sync();
        Assert.Equal("False", sim.Condition(ConditionTypes.PodReadyToStartContainers).Status);
    }

    [Fact]
    public void Initialized_ListsUnknownAndIncomplete_WithGoSliceFormatting_K()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Init("init-1").Sidecar("sidecar-1").Regular("main").Build());
        sim.Sync();
        var initialized = sim.Condition(ConditionTypes.Initialized);
        Assert.Equal(("False", "ContainersNotInitialized", "containers with incomplete status: [init-1 sidecar-1]"),
            (initialized.Status, initialized.Reason, initialized.Message));
    }

    [Fact]
    public void Initialized_StaysTrue_WhileASidecarRestartsAfterRegularContainersRan_K()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("s", 1);
        Assert.Equal("True", sim.Condition(ConditionTypes.Initialized).Status);
    }

    [Fact]
    public void ContainersReady_ListsSidecarsFirst_ThenRegularContainers_K_P12()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("sidecar", c => c with { ReadinessProbe = PodBuilder.ExecProbe() }).Regular("main", c => c with { ReadinessProbe = PodBuilder.ExecProbe() }).Build());
        sim.SyncUntilIdle();
        var ready = sim.Condition(ConditionTypes.ContainersReady);
        Assert.Equal(("False", "ContainersNotReady", "containers with unready status: [sidecar main]"), (ready.Status, ready.Reason, ready.Message));
        var podReady = sim.Condition(ConditionTypes.Ready);
        Assert.Equal(("False", "ContainersNotReady", "containers with unready status: [sidecar main]"), (podReady.Status, podReady.Reason, podReady.Message));
        sim.SetProbe("main", ProbeType.Readiness, ProbeResult.Success);
        Assert.Equal("containers with unready status: [sidecar]", sim.Condition(ConditionTypes.ContainersReady).Message);
        sim.SetProbe("sidecar", ProbeType.Readiness, ProbeResult.Success);
        Assert.Equal(("True", "True"), (sim.Condition(ConditionTypes.ContainersReady).Status, sim.Condition(ConditionTypes.Ready).Status));
    }

    [Fact]
    public void Ready_ChecksReadinessGates_K()
    {
        var pod = PodBuilder.Named("p").Regular("main").Build();
        pod = pod with { Spec = pod.Spec! with { ReadinessGates = [new JsonObject { ["conditionType"] = "example.com/lb" }] } };
        var sim = new PodSimulator(pod);
        sim.SyncUntilIdle();
        var ready = sim.Condition(ConditionTypes.Ready);
        Assert.Equal(("False", "ReadinessGatesNotReady", "corresponding condition of pod readiness gate \"example.com/lb\" does not exist."), (ready.Status, ready.Reason, ready.Message));
    }

    [Fact]
    public void SucceededPod_HasPodCompletedConditions_R19()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Init("init").Sidecar("s").Regular("main").Build());
        sim.Sync();
        sim.Exit("init", 0);
        sim.SyncUntilIdle();
        sim.Exit("main", 0);
        sim.Sync();
        sim.Exit("s", 0);
        Assert.Equal(("True", "PodCompleted"), (sim.Condition(ConditionTypes.Initialized).Status, sim.Condition(ConditionTypes.Initialized).Reason));
        Assert.Equal(("False", "PodCompleted"), (sim.Condition(ConditionTypes.ContainersReady).Status, sim.Condition(ConditionTypes.ContainersReady).Reason));
        Assert.Equal(("False", "PodCompleted"), (sim.Condition(ConditionTypes.Ready).Status, sim.Condition(ConditionTypes.Ready).Reason));
        Assert.Equal("True", sim.Condition(ConditionTypes.PodScheduled).Status);
        Assert.Equal("False", sim.Condition(ConditionTypes.PodReadyToStartContainers).Status);
    }

    [Fact]
    public void FailedPod_HasPodFailedConditions_R19()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", 1);
        Assert.Equal(("False", "PodFailed"), (sim.Condition(ConditionTypes.ContainersReady).Status, sim.Condition(ConditionTypes.ContainersReady).Reason));
        Assert.Equal(("False", "PodFailed"), (sim.Condition(ConditionTypes.Ready).Status, sim.Condition(ConditionTypes.Ready).Reason));
    }

    [Fact]
    public void LastTransitionTime_IsKept_WhileStatusDoesNotChange_K()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Regular("main", c => c with { ReadinessProbe = PodBuilder.ExecProbe() }).Build());
        sim.SyncUntilIdle();
        var first = sim.Condition(ConditionTypes.Ready).LastTransitionTime;
        sim.Advance(5);
        sim.Publish();
        Assert.Equal(first, sim.Condition(ConditionTypes.Ready).LastTransitionTime);
        sim.Advance(5);
        sim.SetProbe("main", ProbeType.Readiness, ProbeResult.Success);
        Assert.Equal(sim.Now, sim.Condition(ConditionTypes.Ready).LastTransitionTime);
        Assert.Equal(first, sim.Condition(ConditionTypes.PodScheduled).LastTransitionTime);
    }
}
