using Tandem.Node.Probing;
using Tandem.Node.Tests.Fixtures;

namespace Tandem.Node.Tests.Probing;

public sealed class ReadinessTriggerTests
{
    [Fact]
    public void StartedContainerWithUnknownReadiness_IsProbedAtOnce_R21_SC39d()
    {
        var sim = new PodSimulator(PodBuilder.Named("p")
            .Sidecar("s", c => c with { StartupProbe = PodBuilder.ExecProbe(), ReadinessProbe = PodBuilder.ExecProbe(period: 30) })
            .Regular("main").Build());
        sim.Sync();
        Assert.Empty(ReadinessTrigger.ContainersToProbeNow(sim.Snapshot)); // not started yet
        sim.SetProbe("s", ProbeType.Startup, ProbeResult.Success);
        Assert.Equal(["s"], ReadinessTrigger.ContainersToProbeNow(sim.Snapshot));
        sim.SetProbe("s", ProbeType.Readiness, ProbeResult.Failure);
        Assert.Empty(ReadinessTrigger.ContainersToProbeNow(sim.Snapshot));
    }
}
