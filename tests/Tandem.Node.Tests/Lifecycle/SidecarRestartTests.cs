using System.Collections.Immutable;
using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Lifecycle;

public sealed class SidecarRestartTests
{
    [Theory]
    [InlineData("Never", 0)]
    [InlineData("Never", 1)]
    [InlineData("OnFailure", 0)]
    [InlineData("Always", 137)]
    public void Sidecar_IsRestarted_WhateverThePolicyAndExitCode_R12(string policy, int exitCode)
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Policy(policy).Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("s", exitCode);
        var start = sim.Sync().Starts.Single();
        Assert.Equal(("s", 1), (start.Name, start.RestartCount));
    }

    [Fact]
    public void Sidecar_FailingStartupProbe_IsKilledAndRestarted_WithInitContainerMessage_R12_R23()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Sidecar("s", c => c with { StartupProbe = PodBuilder.ExecProbe() }).Regular("main").Build());
        sim.Sync();
        sim.SetProbe("s", ProbeType.Startup, ProbeResult.Failure);
        var actions = sim.Sync();
        var kill = actions.Kills.Single();
        Assert.Equal(("s", KillReason.StartupProbe, "Init container s failed startup probe"), (kill.Name, kill.Reason, kill.Message));
        Assert.Equal(["s"], actions.Starts.Select(s => s.Name));
        Assert.Contains(actions.Events, e => e.Reason == EventReasons.Killing && e.Message == "Init container s failed startup probe");
        Assert.True(actions.Steps.ToList().IndexOf(kill) < actions.Steps.ToList().IndexOf(actions.Starts.Single()));
    }

    [Fact]
    public void Sidecar_FailingLiveness_IsKilledAndRestarted_WithProbeGrace_R12_R23()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s", c => c with { LivenessProbe = PodBuilder.ExecProbe(grace: 7) }).Regular("main").Build());
        sim.SyncUntilIdle();
        sim.SetProbe("s", ProbeType.Liveness, ProbeResult.Failure);
        var actions = sim.Sync();
        var kill = actions.Kills.Single();
        Assert.Equal(("Init container s failed liveness probe", 7L), (kill.Message, kill.GracePeriodSeconds));
        Assert.Equal(["s"], actions.Starts.Select(s => s.Name));
    }

    [Fact]
    public void Sidecar_LeftInCreated_IsStartedAgain_R12_P9()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s").Regular("main").Build());
        sim.Sync();
        var s = sim.Snapshot.Find("s")!;
        var snapshot = sim.Snapshot.With(s with { Instances = [s.Latest! with { State = Runtime.ContainerState.Created }] });
        Assert.Equal(["s"], PodDecider.Decide(snapshot, sim.Now).Starts.Select(x => x.Name));
    }

    [Fact]
    public void Sidecar_InUnknownState_IsKilledThenRestarted_R12()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        var s = sim.Snapshot.Find("s")!;
        var snapshot = sim.Snapshot.With(s with { Instances = [s.Latest! with { State = Runtime.ContainerState.Unknown }] });
        var actions = PodDecider.Decide(snapshot, sim.Now);
        Assert.Equal("Init container is in \"unknown\" state, try killing it before restart", actions.Kills.Single().Message);
        Assert.Equal(["s"], actions.Starts.Select(x => x.Name));
    }

    [Fact]
    public void Sidecar_IsNotRestarted_WhileThePodTerminates_R13a()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Delete(30);
        var kill = sim.Sync().KillPod!;
        Assert.Equal(TerminationCause.Deleted, kill.Cause);
        sim.Exit("s", 1);
        Assert.True(sim.Sync().IsEmpty);
    }

    [Fact]
    public void Sidecar_IsNotRestarted_OnceRegularContainersAreDone_R13b()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Sidecar("s1").Sidecar("s2").Regular("main").Build());
        sim.SyncUntilIdle();
        sim.Exit("s1", 1);
        sim.Exit("main", 0);
        var actions = sim.Sync();
        var kill = Assert.IsType<KillPodAction>(Assert.Single(actions.Steps));
        Assert.Equal(TerminationCause.Completed, kill.Cause);
        Assert.Empty(actions.Starts);
    }

    [Fact]
    public void NothingRestarts_WhileAnyContainerIsBeingKilled_R13c()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s").Regular("main", c => c with { LivenessProbe = PodBuilder.ExecProbe() }).Build());
        sim.SyncUntilIdle();
        sim.Exit("s", 1);
        var snapshot = sim.Snapshot with { ContainersBeingKilled = ImmutableHashSet.Create("main") };
        Assert.True(PodDecider.Decide(snapshot, sim.Now).IsEmpty);
    }

    [Fact]
    public void RunningSidecar_WithChangedImage_IsKilledAndRestarted_R14()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        var pod = sim.Snapshot.Pod;
        var changed = pod with { Spec = pod.Spec! with { InitContainers = [pod.Spec.InitContainers![0] with { Image = "busybox:1.37" }] } };
        var actions = PodDecider.Decide(sim.Snapshot with { Pod = changed }, sim.Now);
        Assert.Equal(("Init container s definition changed", KillReason.DefinitionChanged), (actions.Kills.Single().Message, actions.Kills.Single().Reason));
        Assert.Equal(["s"], actions.Starts.Select(s => s.Name));
    }

    [Fact]
    public void CompletedRegularInit_WithChangedImage_IsNotRerun_R14()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Init("init").Regular("main").Build());
        sim.Sync();
        sim.Exit("init", 0);
        sim.SyncUntilIdle();
        var pod = sim.Snapshot.Pod;
        var changed = pod with { Spec = pod.Spec! with { InitContainers = [pod.Spec.InitContainers![0] with { Image = "busybox:1.37" }] } };
        Assert.True(PodDecider.Decide(sim.Snapshot with { Pod = changed }, sim.Now).IsEmpty);
    }

    [Fact]
    public void RegularContainer_WithChangedImage_IsRestarted_EvenInNeverPod_R14()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Never().Regular("main").Build());
        sim.SyncUntilIdle();
        var pod = sim.Snapshot.Pod;
        var changed = pod with { Spec = pod.Spec! with { Containers = [pod.Spec.Containers![0] with { Image = "busybox:1.37" }] } };
        var actions = PodDecider.Decide(sim.Snapshot with { Pod = changed }, sim.Now);
        Assert.Equal("Container main definition changed, will be restarted", actions.Kills.Single().Message);
        Assert.Equal(["main"], actions.Starts.Select(s => s.Name));
    }

    [Fact]
    public void ImageChange_DuringTermination_RestartsNothing_R14_R13a()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Sidecar("s").Regular("main").Build());
        sim.SyncUntilIdle();
        var pod = sim.Snapshot.Pod;
        var changed = pod with { Spec = pod.Spec! with { InitContainers = [pod.Spec.InitContainers![0] with { Image = "busybox:1.37" }] } };
        Assert.True(PodDecider.Decide(sim.Snapshot with { Pod = changed, TerminationInProgress = true }, sim.Now).IsEmpty);
    }
}
