using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;
using Tandem.Node.Tests.Fixtures;
using RuntimeStatus = Tandem.Runtime.ContainerStatus;
using RuntimeState = Tandem.Runtime.ContainerState;

namespace Tandem.Node.Tests.Lifecycle;

public sealed class PodSnapshotTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static RuntimeStatus Status(string id, string name, int attempt, RuntimeState state, int? exit = null) => new()
    {
        Id = id,
        SandboxId = "sb",
        Name = name,
        Attempt = attempt,
        State = state,
        CreatedAt = T0.AddSeconds(attempt),
        ExitCode = exit,
        Image = PodBuilder.Image,
    };

    [Fact]
    public void RuntimeStatuses_BecomeInstancesOldestFirst_WithProbeResultsById_R30()
    {
        var snapshot = new PodSnapshot { Pod = PodBuilder.Named("p").Sidecar("s").Regular("main").Build() }
            .With(new ContainerObservation { Name = "main", LastStartFailure = new StartFailure("CrashLoopBackOff", "x", T0) });
        var probes = new Dictionary<string, ProbeResults> { ["b"] = new() { Readiness = ProbeResult.Success } };
        var observed = snapshot.WithRuntimeStatuses(
            [Status("b", "main", 1, RuntimeState.Running), Status("a", "main", 0, RuntimeState.Exited, 1), Status("z", "stranger", 0, RuntimeState.Running)],
            probes);
        var main = observed.Find("main")!;
        Assert.Equal(["a", "b"], main.Instances.Select(i => i.Id));
        Assert.Equal(ProbeResult.Success, main.Latest!.Probes.Readiness);
        Assert.Equal("CrashLoopBackOff", main.LastStartFailure!.Reason);
        Assert.Null(observed.Find("s"));
        Assert.Null(observed.Find("stranger"));
    }
}
