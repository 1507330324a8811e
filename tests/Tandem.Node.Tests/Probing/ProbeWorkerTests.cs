using Tandem.Model.CoreV1;
using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Probing;

public sealed class ProbeWorkerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ProbeWorker Worker(ProbeType type, ContainerKind kind = ContainerKind.Regular, Probe? probe = null)
    {
        probe ??= PodBuilder.ExecProbe();
        var container = new Container { Name = "c", LivenessProbe = probe, ReadinessProbe = probe, StartupProbe = probe };
        return ProbeWorker.Create(type, container, kind, T0)!;
    }

    private static ProbeTarget Running(bool started = true, string id = "c1", double startedSecondsAgo = 100, DateTimeOffset? now = null) =>
        new(id, true, (now ?? T0).AddSeconds(-startedSecondsAgo), started);

    [Fact]
    public void Workers_ExistForSidecarsAndRegularContainers_NotForRegularInit_R21()
    {
        var container = new Container { Name = "c", ReadinessProbe = PodBuilder.ExecProbe() };
        Assert.NotNull(ProbeWorker.Create(ProbeType.Readiness, container, ContainerKind.Sidecar, T0));
        Assert.NotNull(ProbeWorker.Create(ProbeType.Readiness, container, ContainerKind.Regular, T0));
        Assert.Null(ProbeWorker.Create(ProbeType.Readiness, container, ContainerKind.RegularInit, T0));
        Assert.Null(ProbeWorker.Create(ProbeType.Liveness, container, ContainerKind.Regular, T0));
    }

    [Fact]
    public void FirstTick_IsImmediate_ThenEveryPeriod_R21()
    {
        var worker = Worker(ProbeType.Readiness, probe: PodBuilder.ExecProbe(period: 5));
        Assert.Equal(T0, worker.NextTickAt);
        Assert.Equal(T0.AddSeconds(5), worker.Tick(T0).NextTickAt);
        Assert.Equal(T0.AddSeconds(7), worker.Tick(T0).TriggerNow(T0.AddSeconds(7)).NextTickAt);
    }

    [Fact]
    public void InitialDelay_IsComparedWithFlooredSeconds_R22()
    {
        var worker = Worker(ProbeType.Readiness, probe: PodBuilder.ExecProbe(initialDelay: 15));
        var started = T0;
        var target = new ProbeTarget("c1", true, started, true);
        Assert.Equal(ProbeGate.InitialDelay, worker.Observe(target).Gate(target, started.AddSeconds(14.9)));
        Assert.Equal(ProbeGate.Run, worker.Observe(target).Gate(target, started.AddSeconds(15)));
    }

    [Fact]
    public void StartupRunsBeforeStarted_LivenessAndReadinessOnlyAfter_R22()
    {
        Assert.Equal(ProbeGate.Run, Worker(ProbeType.Startup).Gate(Running(started: false), T0));
        Assert.Equal(ProbeGate.AlreadyStarted, Worker(ProbeType.Startup).Gate(Running(started: true), T0));
        Assert.Equal(ProbeGate.NotStarted, Worker(ProbeType.Liveness).Gate(Running(started: false), T0));
        Assert.Equal(ProbeGate.NotStarted, Worker(ProbeType.Readiness).Gate(Running(started: false), T0));
        Assert.Equal(ProbeGate.Run, Worker(ProbeType.Liveness).Gate(Running(started: true), T0));
        Assert.Equal(ProbeGate.NotRunning, Worker(ProbeType.Liveness).Gate(new ProbeTarget("c1", false, null, false), T0));
    }

    [Fact]
    public void InitialValues_ReadinessFailure_LivenessSuccess_StartupUnknown_R23()
    {
        Assert.Equal(ProbeResult.Failure, Worker(ProbeType.Readiness).Observe(Running()).Result);
        Assert.Equal(ProbeResult.Success, Worker(ProbeType.Liveness).Observe(Running()).Result);
        Assert.Equal(ProbeResult.Unknown, Worker(ProbeType.Startup).Observe(Running(false)).Result);
    }

    [Fact]
    public void FailureIsPublished_OnlyAfterFailureThresholdConsecutiveFailures_R23()
    {
        var worker = Worker(ProbeType.Liveness, probe: PodBuilder.ExecProbe(failureThreshold: 3)).Observe(Running());
        var r1 = worker.Record(ProbeOutcome.Failure, "boom");
        var r2 = r1.Worker.Record(ProbeOutcome.Success);
        var r3 = r2.Worker.Record(ProbeOutcome.Failure).Worker.Record(ProbeOutcome.Failure);
        Assert.Null(r3.Published);
        var r4 = r3.Worker.Record(ProbeOutcome.Failure);
        Assert.Equal(ProbeResult.Failure, r4.Published);
        Assert.Equal(("Unhealthy", "Liveness probe failed: boom"), (r1.Event!.Reason, r1.Event.Message));
    }

    [Fact]
    public void PublishedLivenessFailure_HoldsUntilANewContainerId_R23()
    {
        var worker = Worker(ProbeType.Liveness, probe: PodBuilder.ExecProbe(failureThreshold: 1)).Observe(Running()).Record(ProbeOutcome.Failure).Worker;
        Assert.Equal(ProbeGate.OnHold, worker.Gate(Running(), T0));
        var restarted = worker.Observe(Running(id: "c2"));
        Assert.Equal((ProbeGate.Run, ProbeResult.Success), (restarted.Gate(Running(id: "c2"), T0), restarted.Result));
    }

    [Fact]
    public void AnyPublishedStartupResult_Holds_R23()
    {
        var worker = Worker(ProbeType.Startup, probe: PodBuilder.ExecProbe()).Observe(Running(false)).Record(ProbeOutcome.Success);
        Assert.Equal(ProbeResult.Success, worker.Published);
        Assert.Equal(ProbeGate.OnHold, worker.Worker.Gate(Running(false), T0));
    }

    [Fact]
    public void ProbeErrors_AreDiscarded_R24()
    {
        var worker = Worker(ProbeType.Readiness).Observe(Running());
        var record = worker.Record(ProbeOutcome.Error);
        Assert.Equal((worker, (ProbeResult?)null, (PodEvent?)null), (record.Worker, record.Published, record.Event));
    }

    [Fact]
    public void NotRunningContainer_ReadsAsFailure_AndWorkerSurvivesForSidecarsInNeverPods_R25()
    {
        var worker = Worker(ProbeType.Readiness, ContainerKind.Sidecar).Observe(Running()).Record(ProbeOutcome.Success).Worker;
        var stopped = worker.Observe(new ProbeTarget("c1", false, null, false));
        Assert.Equal(ProbeResult.Failure, stopped.Result);
        // The same worker picks up the next instance (fixed behaviour of #133072, SC-37).
        Assert.Equal(ProbeGate.Run, stopped.Observe(Running(id: "c2")).Gate(Running(id: "c2"), T0));
    }

    [Fact]
    public void DuringTermination_RegularLivenessAndStartupStop_ReadinessAndSidecarsGoOn_R26()
    {
        var terminating = Running() with { PodTerminating = true };
        Assert.Equal(ProbeGate.StoppedForTermination, Worker(ProbeType.Liveness).Gate(terminating, T0));
        Assert.Equal(ProbeGate.StoppedForTermination, Worker(ProbeType.Startup).Gate(terminating with { Started = false }, T0));
        Assert.Equal(ProbeGate.Run, Worker(ProbeType.Readiness).Gate(terminating, T0));
        Assert.Equal(ProbeGate.Run, Worker(ProbeType.Liveness, ContainerKind.Sidecar).Gate(terminating, T0));
    }

    [Fact]
    public void SidecarLivenessFailure_DuringTermination_RestartsNothing_R26_R13()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s", c => c with { LivenessProbe = PodBuilder.ExecProbe() }).Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Delete(30);
        sim.Sync();
        sim.SetProbe("s", ProbeType.Liveness, ProbeResult.Failure);
        Assert.True(sim.Sync().IsEmpty);
    }
}
