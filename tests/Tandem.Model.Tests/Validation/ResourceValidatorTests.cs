using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;

namespace Tandem.Model.Tests.Validation;

public sealed class ResourceValidatorTests
{
    private static Dictionary<string, Quantity> List(params (string Name, string Value)[] entries) =>
        entries.ToDictionary(entry => entry.Name, entry => Quantity.Parse(entry.Value));

    private static Pod WithResources(ResourceRequirements resources) => TestPods.WithContainer(c => c with { Resources = resources });

    [Fact]
    public void Resources_RequestsWithinLimits_AreValid() =>
        TestPods.AssertValid(WithResources(new ResourceRequirements
        {
            Requests = List(("cpu", "250m"), ("memory", "64Mi"), ("example.com/gpu", "1")),
            Limits = List(("cpu", "500m"), ("memory", "128Mi"), ("example.com/gpu", "1")),
        }));

    [Fact]
    public void Resources_RequestAboveLimit_IsInvalid() =>
        TestPods.AssertErrors(
            WithResources(new ResourceRequirements { Requests = List(("cpu", "1")), Limits = List(("cpu", "500m")) }),
            "spec.containers[0].resources.requests: Invalid value: \"1\": must be less than or equal to cpu limit of 500m");

    [Fact]
    public void Resources_NegativeQuantity_IsInvalid() =>
        TestPods.AssertErrors(
            WithResources(new ResourceRequirements { Limits = List(("memory", "-1Mi")) }),
            "spec.containers[0].resources.limits[memory]: Invalid value: \"-1Mi\": must be greater than or equal to 0");

    [Fact]
    public void Resources_UnknownUnprefixedName_IsNotStandard() =>
        TestPods.AssertErrors(
            WithResources(new ResourceRequirements { Limits = List(("gpu", "1")) }),
            "spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully qualified",
            "spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must be a standard resource for containers");

    [Fact]
    public void Resources_QuotaNameOnAContainer_IsNotAContainerResource() =>
        TestPods.AssertErrors(
            WithResources(new ResourceRequirements { Limits = List(("pods", "1")) }),
            "spec.containers[0].resources.limits[pods]: Invalid value: \"pods\": must be a standard resource for containers");

    [Fact]
    public void Resources_ExtendedResourceRequest_NeedsAnEqualLimit()
    {
        TestPods.AssertErrors(
            WithResources(new ResourceRequirements { Requests = List(("example.com/gpu", "1")) }),
            "spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources");
        TestPods.AssertErrors(
            WithResources(new ResourceRequirements { Requests = List(("example.com/gpu", "1")), Limits = List(("example.com/gpu", "2")) }),
            "spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2");
    }

    [Fact]
    public void Resources_FractionalExtendedResource_MustBeAnInteger() =>
        TestPods.AssertErrors(
            WithResources(new ResourceRequirements { Limits = List(("example.com/gpu", "500m")) }),
            "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: \"500m\": must be an integer");

    [Fact]
    public void Resources_HugePagesAlone_RequireCpuOrMemory()
    {
        TestPods.AssertValid(WithResources(new ResourceRequirements { Limits = List(("hugepages-2Mi", "4Mi"), ("memory", "64Mi")), Requests = List(("hugepages-2Mi", "4Mi")) }));
        TestPods.AssertErrors(
            WithResources(new ResourceRequirements { Limits = List(("hugepages-2Mi", "4Mi")) }),
            "spec.containers[0].resources: Forbidden: HugePages require cpu or memory");
    }
}
