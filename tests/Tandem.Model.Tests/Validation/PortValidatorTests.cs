using Tandem.Model.CoreV1;

namespace Tandem.Model.Tests.Validation;

public sealed class PortValidatorTests
{
    private static ContainerPort Port(int number, string? name = null, int? hostPort = null) =>
        new() { Name = name, Number = number, HostPort = hostPort, Protocol = "TCP" };

    private static Pod WithPorts(params ContainerPort[] ports) => TestPods.WithContainer(c => c with { Ports = ports });

    [Fact]
    public void Container_PortAbove65535_IsInvalid()
    {
        TestPods.AssertValid(WithPorts(Port(65535)));
        TestPods.AssertErrors(
            TestPods.WithContainers(TestPods.Container("web"), TestPods.Container("api") with { Ports = [Port(70000)] }),
            "spec.containers[1].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive");
    }

    [Fact]
    public void Container_PortZeroOrMissing_IsRequired() =>
        TestPods.AssertErrors(WithPorts(new ContainerPort { Protocol = "TCP" }), "spec.containers[0].ports[0].containerPort: Required value");

    [Fact]
    public void Container_HostPortOutOfRange_IsInvalid() =>
        TestPods.AssertErrors(WithPorts(Port(80, hostPort: -1)), "spec.containers[0].ports[0].hostPort: Invalid value: -1: " + Messages.PortRange);

    [Fact]
    public void Container_PortNameMustBeAnIanaServiceName()
    {
        TestPods.AssertValid(WithPorts(Port(80, "http")));
        TestPods.AssertErrors(
            WithPorts(Port(80, "HTTP")),
            "spec.containers[0].ports[0].name: Invalid value: \"HTTP\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
            "spec.containers[0].ports[0].name: Invalid value: \"HTTP\": must contain at least one letter (a-z)");
    }

    [Fact]
    public void Container_DuplicatePortName_IsDuplicate() =>
        TestPods.AssertErrors(WithPorts(Port(80, "http"), Port(81, "http")), "spec.containers[0].ports[1].name: Duplicate value: \"http\"");

    [Fact]
    public void Container_Protocol_MustBeTcpUdpOrSctp()
    {
        TestPods.AssertValid(WithPorts(Port(53) with { Protocol = "UDP" }));
        TestPods.AssertErrors(
            WithPorts(Port(80) with { Protocol = "HTTP" }),
            "spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"");
        TestPods.AssertErrors(WithPorts(Port(80) with { Protocol = null }), "spec.containers[0].ports[0].protocol: Required value");
    }

    [Fact]
    public void HostPorts_UsedTwiceAcrossContainers_AreDuplicates()
    {
        TestPods.AssertValid(TestPods.WithContainers(
            TestPods.Container("a") with { Ports = [Port(80, hostPort: 8080)] },
            TestPods.Container("b") with { Ports = [Port(80, hostPort: 8080) with { Protocol = "UDP" }] }));
        TestPods.AssertErrors(
            TestPods.WithContainers(
                TestPods.Container("a") with { Ports = [Port(80, hostPort: 8080)] },
                TestPods.Container("b") with { Ports = [Port(81, hostPort: 8080)] }),
            "spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\"");
    }

    [Fact]
    public void HostPorts_OfInitContainers_AreCheckedPerContainer() =>
        TestPods.AssertValid(TestPods.WithSpec(s => s with
        {
            InitContainers = [TestPods.Container("a") with { Ports = [Port(80, hostPort: 8080)] }, TestPods.Container("b") with { Ports = [Port(80, hostPort: 8080)] }],
            Containers = [TestPods.Container("web") with { Ports = [Port(80, hostPort: 8080)] }],
        }));

    [Fact]
    public void HostNetwork_HostPortMustEqualContainerPort()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { HostNetwork = true, Containers = [s.Containers![0] with { Ports = [Port(80, hostPort: 80)] }] }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { HostNetwork = true, Containers = [s.Containers![0] with { Ports = [Port(80, hostPort: 8080)] }] }),
            "spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true");
    }

    [Fact]
    public void HostPorts_RepeatedWithinOneInitContainer_AreDuplicates() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with
            {
                InitContainers = [TestPods.Container("a"), TestPods.Container("b") with { Ports = [Port(80, hostPort: 8080), Port(81, hostPort: 8080)] }],
            }),
            "spec.initContainers[0].ports[1].hostPort: Duplicate value: \"TCP//8080\"");
}
