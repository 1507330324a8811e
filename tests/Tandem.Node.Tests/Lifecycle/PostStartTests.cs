using Tandem.Node.Lifecycle;
using Tandem.Node.Status;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Lifecycle;

public sealed class PostStartTests
{
    [Fact]
    public void PostStart_IsPartOfTheStartStep_AndTheContainerWaitsUntilItReturns_R7a()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Regular("first", c => c with { Lifecycle = new() { PostStart = PodBuilder.SleepHook } }).Regular("second").Build());
        var actions = PodDecider.Decide(sim.Snapshot with { Sandbox = SandboxState.Ready, SandboxAttempts = 1 }, sim.Now);
        Assert.Equal([("first", true), ("second", false)], actions.Starts.Select(s => (s.Name, s.RunsPostStart)));
        // While the hook runs, no instance is recorded yet: the status still shows the default waiting reason.
        var status = PodStatusGenerator.Generate(sim.Snapshot, null, sim.Now);
        Assert.Equal(WaitingReasons.ContainerCreating, status.ContainerStatuses!.Single(s => s.Name == "first").State!.Waiting!.Reason);
    }

    [Fact]
    public void FailedPostStart_KillsWithPodGrace_AndRecordsPostStartHookError_R7c()
    {
        var sim = new PodSimulator(PodBuilder.Named("p").Grace(20).Never().Sidecar("s", c => c with { Lifecycle = new() { PostStart = PodBuilder.SleepHook } }).Regular("main").Build());
        var start = sim.Sync().Starts.Single();
        var (kill, warning, failure) = PostStartFailure.Handle(sim.Snapshot, start, sim.Snapshot.Latest("s")!.Id, "hook exited 1", sim.Now);
        Assert.Equal((KillReason.FailedPostStartHook, 20L), (kill.Reason, kill.GracePeriodSeconds));
        Assert.Equal((PodEvent.Warning, "FailedPostStartHook", "PostStartHook failed"), (warning.Type, warning.Reason, warning.Message));
        Assert.Equal(("PostStartHookError", "hook exited 1"), (failure.Reason, failure.Message));
        // The sidecar is then restarted under R12 even in a Never pod.
        sim.Exit("s", 137);
        Assert.Equal(["s"], sim.Sync().Starts.Select(s => s.Name));
    }
}
