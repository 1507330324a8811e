using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;
using Tandem.Node.Status;

namespace Tandem.Node.Tests.Status;

public sealed class PodQosTests
{
    [Fact]
    public void Pod_WithoutRequestsOrLimits_IsBestEffort() =>
        Assert.Equal("BestEffort", PodQos.Classify(Spec(new Container { Name = "a" })));

    [Fact]
    public void Pod_WhoseContainersLimitCpuAndMemoryAtTheirRequests_IsGuaranteed() =>
        Assert.Equal("Guaranteed", PodQos.Classify(Spec(With("a", limits: ("100m", "64Mi"), requests: ("100m", "64Mi")), With("b", limits: ("1", "1Gi")))));

    [Fact]
    public void Pod_WithARequestBelowItsLimit_IsBurstable() =>
        Assert.Equal("Burstable", PodQos.Classify(Spec(With("a", limits: ("200m", "64Mi"), requests: ("100m", "64Mi")))));

    [Fact]
    public void Pod_WithOneContainerWithoutLimits_IsBurstable() =>
        Assert.Equal("Burstable", PodQos.Classify(Spec(With("a", limits: ("100m", "64Mi")), new Container { Name = "b" })));

    [Fact]
    public void InitContainers_CountLikeRegularOnes() =>
        Assert.Equal("Burstable", PodQos.Classify(new PodSpec
        {
            InitContainers = [With("init", limits: ("100m", "64Mi"), requests: ("50m", "64Mi"))],
            Containers = [With("a", limits: ("100m", "64Mi"))],
        }));

    private static PodSpec Spec(params Container[] containers) => new() { Containers = containers };

    private static Container With(string name, (string Cpu, string Memory) limits, (string Cpu, string Memory)? requests = null) => new()
    {
        Name = name,
        Resources = new ResourceRequirements
        {
            Limits = Values(limits),
            Requests = requests is { } r ? Values(r) : null,
        },
    };

    private static Dictionary<string, Quantity> Values((string Cpu, string Memory) values) =>
        new() { ["cpu"] = Quantity.Parse(values.Cpu), ["memory"] = Quantity.Parse(values.Memory) };
}
