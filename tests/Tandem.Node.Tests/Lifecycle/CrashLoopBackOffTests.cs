using Tandem.Node.Lifecycle;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Lifecycle;

public sealed class CrashLoopBackOffTests
{
    [Fact]
    public void FirstRestart_IsImmediate_ThenBackOffGrows_R20()
    {
        var sim = new PodSimulator(PodBuilder.Named("web").Always().Regular("main").Build());
        sim.SyncUntilIdle();
        var gaps = new List<double>();
        for (var crash = 0; crash < 6; crash++)
        {
            sim.Advance(1);
            sim.Exit("main", 1);
            var exitedAt = sim.Now;
            while (!sim.Sync().Starts.Any())
            {
                sim.Advance(1);
            }
            gaps.Add((sim.Now - exitedAt).TotalSeconds);
        }
        Assert.Equal([0, 10, 20, 40, 80, 160], gaps);
    }

    [Fact]
    public void WhileInBackOff_StatusShowsCrashLoopBackOff_WithGoDuration_AndBackOffEvent_R20()
    {
        var sim = new PodSimulator(PodBuilder.Named("web").Always().Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", 1);
        sim.Sync();
        sim.Exit("main", 1);
        var actions = sim.Sync();
        var backOff = Assert.Single(actions.Events);
        Assert.Equal((PodEvent.Warning, "BackOff", "Back-off restarting failed container main in pod web_default(uid-web)"), (backOff.Type, backOff.Reason, backOff.Message));
        var status = sim.StatusOf("main");
        Assert.Equal("CrashLoopBackOff", status.State!.Waiting!.Reason);
        Assert.Equal("back-off 10s restarting failed container=main pod=web_default(uid-web)", status.State.Waiting.Message);
        Assert.Equal((1, "Error"), (status.LastState!.Terminated!.ExitCode, status.LastState.Terminated.Reason));
        Assert.Equal(PodPhases.Running, sim.Phase);
        Assert.Equal(sim.Now.AddSeconds(10), actions.NextRetryAt);
    }

    [Fact]
    public void BackOff_ResetsAfterTenMinutesOfRunning_R20()
    {
        var sim = new PodSimulator(PodBuilder.Named("web").Always().Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", 1);
        sim.Sync();
        sim.Exit("main", 1);
        sim.Advance(10);
        Assert.Single(sim.Sync().Starts);
        sim.Advance(601);
        sim.Exit("main", 1);
        Assert.Single(sim.Sync().Starts);
    }

    [Fact]
    public void MessageFormatsMinutes_LikeGo_R20()
    {
        var sim = new PodSimulator(PodBuilder.Named("web").Always().Regular("main").Build());
        sim.SyncUntilIdle();
        var table = BackOffTable.Empty;
        var key = BackOffTable.RestartKey("main", PodBuilder.Image);
        for (var i = 0; i < 6; i++)
        {
            table = table.Next(key, sim.Now, sim.Now);
        }
        sim.Exit("main", 1);
        var actions = PodDecider.Decide(sim.Snapshot with { RestartBackOff = table }, sim.Now);
        Assert.Equal("back-off 5m0s restarting failed container=main pod=web_default(uid-web)", actions.Waits.Single().Message);
    }

    [Fact]
    public void ImageChange_ResetsBackOff_R20()
    {
        var sim = new PodSimulator(PodBuilder.Named("web").Always().Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("main", 1);
        sim.Sync();
        sim.Exit("main", 1);
        Assert.Empty(PodDecider.Decide(sim.Snapshot, sim.Now).Starts);
        var pod = sim.Snapshot.Pod;
        var changed = pod with { Spec = pod.Spec! with { Containers = [pod.Spec.Containers![0] with { Image = "busybox:1.37" }] } };
        Assert.Single(PodDecider.Decide(sim.Snapshot with { Pod = changed }, sim.Now).Starts);
    }
}
