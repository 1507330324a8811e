using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;

namespace Tandem.Model.Tests.Validation;

public sealed class ProbeValidatorTests
{
    private static Pod WithLiveness(Probe probe) => TestPods.WithContainer(c => c with { LivenessProbe = probe });

    private static Probe HttpProbe(IntOrString port, string? scheme = "HTTP") =>
        new() { HttpGet = new HttpGetAction { Path = "/healthz", Port = port, Scheme = scheme } };

    [Fact]
    public void Probe_WithoutHandler_IsRequired() =>
        TestPods.AssertErrors(WithLiveness(new Probe { PeriodSeconds = 10 }), "spec.containers[0].livenessProbe: Required value: must specify a handler type");

    [Fact]
    public void Probe_WithTwoHandlers_ForbidsTheSecond() =>
        TestPods.AssertErrors(
            WithLiveness(TestPods.ExecProbe() with { TcpSocket = new TcpSocketAction { Port = 80 } }),
            "spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type");

    [Fact]
    public void Probe_ExecWithoutCommand_IsRequired() =>
        TestPods.AssertErrors(WithLiveness(new Probe { Exec = new ExecAction() }), "spec.containers[0].livenessProbe.exec.command: Required value");

    [Fact]
    public void Probe_NegativeNumbers_AreInvalid()
    {
        TestPods.AssertValid(WithLiveness(TestPods.ExecProbe() with { InitialDelaySeconds = 0, TimeoutSeconds = 1, PeriodSeconds = 10, SuccessThreshold = 1, FailureThreshold = 3 }));
        TestPods.AssertErrors(
            WithLiveness(TestPods.ExecProbe() with { InitialDelaySeconds = -1, TimeoutSeconds = -2, PeriodSeconds = -3, FailureThreshold = -4 }),
            "spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0",
            "spec.containers[0].livenessProbe.timeoutSeconds: Invalid value: -2: must be greater than or equal to 0",
            "spec.containers[0].livenessProbe.periodSeconds: Invalid value: -3: must be greater than or equal to 0",
            "spec.containers[0].livenessProbe.failureThreshold: Invalid value: -4: must be greater than or equal to 0");
    }

    [Fact]
    public void LivenessAndStartup_SuccessThresholdMustBe1() =>
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { LivenessProbe = TestPods.ExecProbe() with { SuccessThreshold = 2 }, StartupProbe = TestPods.ExecProbe() with { SuccessThreshold = 3 } }),
            "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
            "spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1");

    [Fact]
    public void Readiness_MayHaveAnySuccessThreshold_ButNoGracePeriod()
    {
        TestPods.AssertValid(TestPods.WithContainer(c => c with { ReadinessProbe = TestPods.ExecProbe() with { SuccessThreshold = 3 } }));
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { ReadinessProbe = TestPods.ExecProbe() with { TerminationGracePeriodSeconds = 5 } }),
            "spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes");
    }

    [Fact]
    public void Probe_GracePeriodMustBePositive()
    {
        TestPods.AssertValid(WithLiveness(TestPods.ExecProbe() with { TerminationGracePeriodSeconds = 1 }));
        TestPods.AssertErrors(
            WithLiveness(TestPods.ExecProbe() with { TerminationGracePeriodSeconds = 0 }),
            "spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0");
    }

    [Fact]
    public void HttpGet_PortMustBeANumberOrPortName()
    {
        TestPods.AssertValid(WithLiveness(HttpProbe("http")));
        TestPods.AssertErrors(WithLiveness(HttpProbe(0)), "spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: " + Messages.PortRange);
        TestPods.AssertErrors(
            WithLiveness(HttpProbe("http--alt")),
            "spec.containers[0].livenessProbe.httpGet.port: Invalid value: \"http--alt\": must not contain consecutive hyphens");
    }

    [Fact]
    public void HttpGet_Scheme_MustBeHttpOrHttps()
    {
        TestPods.AssertValid(WithLiveness(HttpProbe(8443, "HTTPS")));
        TestPods.AssertErrors(
            WithLiveness(HttpProbe(80, "http")),
            "spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: \"http\": supported values: \"HTTP\", \"HTTPS\"");
    }

    [Fact]
    public void HttpGet_HeaderName_MustBeAToken() =>
        TestPods.AssertErrors(
            WithLiveness(new Probe { HttpGet = new HttpGetAction { Path = "/", Port = 80, Scheme = "HTTP", HttpHeaders = [new HttpHeader { Name = "X Trace", Value = "1" }] } }),
            "spec.containers[0].livenessProbe.httpGet.httpHeaders: Invalid value: \"X Trace\": a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')");

    [Fact]
    public void TcpSocket_And_Grpc_PortsAreChecked()
    {
        TestPods.AssertValid(WithLiveness(new Probe { Grpc = new GrpcAction { Port = 9090 } }));
        TestPods.AssertErrors(
            WithLiveness(new Probe { Grpc = new GrpcAction { Port = 70000 } }),
            "spec.containers[0].livenessProbe.grpc.port: Invalid value: 70000: " + Messages.PortRange);
        TestPods.AssertErrors(
            WithLiveness(new Probe { TcpSocket = new TcpSocketAction { Port = -1 } }),
            "spec.containers[0].livenessProbe.tcpSocket.port: Invalid value: -1: " + Messages.PortRange);
    }
}
