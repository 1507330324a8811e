namespace Tandem.Model.Tests.Lint;

public sealed class SidecarBeforeItsDependencyRuleTests
{
    private const string Id = "sidecar-before-its-dependency";

    private static string Pod(string first, string second) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: payments}
        spec:
          initContainers:
          {{first}}
          {{second}}
          containers:
          - name: app
            image: app:1
        """;

    private const string Shipper = """- {name: shipper, image: "shipper:1", restartPolicy: Always, env: [{name: OTLP, value: "http://127.0.0.1:4318"}]}""";

    private const string Collector = """- {name: collector, image: "otel:1", restartPolicy: Always, ports: [{containerPort: 4318}]}""";

    [Fact]
    public void SidecarListedBeforeTheSidecarItUses_IsAWarningAtTheConsumer()
    {
        var finding = Assert.Single(LintRun.Of(Pod(Shipper, Collector)), f => f.RuleId == Id);

        Assert.Equal("pod.yaml:6:12", finding.Location.ToString());
        Assert.Equal(
            "sidecar \"shipper\" connects to 127.0.0.1:4318 (env OTLP), but sidecar \"collector\" is listed after it: it starts later and stops earlier",
            finding.Message);
    }

    [Fact]
    public void DependencyListedFirst_IsClean()
    {
        Assert.Empty(LintRun.Locations(LintRun.Of(Pod(Collector, Shipper)), Id));
    }
}
