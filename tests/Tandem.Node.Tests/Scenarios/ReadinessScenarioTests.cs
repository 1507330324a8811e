using Tandem.Node.Probing;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Scenarios;

/// <summary>SC-38: sidecar readiness gates pod Ready but not the start order; the probe worker and the decision together.</summary>
public sealed class ReadinessScenarioTests
{
    [Fact]
    public void SC38a_ReadinessWithInitialDelay_MainStartsAtOnce_ReadyNoEarlierThanDelay()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc38").Sidecar("sidecar", c => c with { ReadinessProbe = PodBuilder.ExecProbe(initialDelay: 15) }).Regular("main").Build());
        sim.Sync();
        var sidecarStarted = sim.Now;
        var pod = sim.Snapshot.Spec;
        var worker = ProbeWorker.Create(ProbeType.Readiness, pod.InitContainers![0], Node.Lifecycle.ContainerKind.Sidecar, sim.Now)!;
        Assert.Equal(["main"], sim.Sync().Starts.Select(s => s.Name));
        var ready = sim.Condition(ConditionTypes.ContainersReady);
        Assert.Equal(("False", "containers with unready status: [sidecar]"), (ready.Status, ready.Message));
        while (sim.Condition(ConditionTypes.Ready).Status != "True")
        {
            sim.Advance(1);
            var latest = sim.Snapshot.Latest("sidecar")!;
            var target = new ProbeTarget(latest.Id, true, latest.StartedAt, true);
            worker = worker.Observe(target);
            if (sim.Now >= worker.NextTickAt)
            {
                worker = worker.Tick(sim.Now);
                if (worker.Gate(target, sim.Now) == ProbeGate.Run)
                {
                    var record = worker.Record(ProbeOutcome.Success);
                    worker = record.Worker;
                    if (record.Published is { } result)
                    {
                        sim.SetProbe("sidecar", ProbeType.Readiness, result);
                    }
                }
            }
        }
        Assert.True(sim.Now - sidecarStarted >= TimeSpan.FromSeconds(15));
        Assert.Equal((0, 0), (sim.StatusOf("sidecar").RestartCount, sim.StatusOf("main").RestartCount));
    }

    [Fact]
    public void SC38b_FailingReadiness_NeverReady_NeverRestarted()
    {
        var sim = new PodSimulator(PodBuilder.Named("sc38").Sidecar("sidecar", c => c with { ReadinessProbe = PodBuilder.ExecProbe() }).Regular("main").Build());
        sim.SyncUntilIdle();
        for (var i = 0; i < 60; i++)
        {
            sim.Advance(1);
            sim.SetProbe("sidecar", ProbeType.Readiness, ProbeResult.Failure);
            Assert.True(sim.Sync().IsEmpty);
            Assert.Equal(PodPhases.Running, sim.Phase);
            var ready = sim.Condition(ConditionTypes.Ready);
            Assert.Equal(("False", "containers with unready status: [sidecar]"), (ready.Status, ready.Message));
        }
        var status = sim.StatusOf("sidecar");
        Assert.Equal((true, false, 0), (status.Started!.Value, status.Ready, status.RestartCount));
    }
}
