using Tandem.Model.Lint;

namespace Tandem.Model.Tests.Lint;

public sealed class InitContainerBeforeSidecarRuleTests
{
    private const string Id = "init-container-before-sidecar";

    private static string Pod(string first, string second) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: orders}
        spec:
          initContainers:
          {{first}}
          {{second}}
          containers:
          - name: app
            image: app:1
        """;

    private const string Migrate = """- {name: migrate, image: migrate:4, args: ["postgres://127.0.0.1:5432/db"]}""";

    private const string Proxy = """- {name: proxy, image: proxy:2, restartPolicy: Always, ports: [{containerPort: 5432}], startupProbe: {tcpSocket: {port: 5432}}}""";

    [Fact]
    public void InitContainerListedBeforeTheSidecarItUses_IsAnErrorAtTheInitContainer()
    {
        var findings = LintRun.Of(Pod(Migrate, Proxy));

        var finding = Assert.Single(findings, f => f.RuleId == Id);
        Assert.Equal("pod.yaml:6:12", finding.Location.ToString());
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal(
            "init container \"migrate\" connects to 127.0.0.1:5432 (args), but sidecar \"proxy\" is listed after it and starts only once it has exited",
            finding.Message);
    }

    [Fact]
    public void SidecarListedFirst_IsClean()
    {
        Assert.Empty(LintRun.Locations(LintRun.Of(Pod(Proxy, Migrate)), Id));
    }
}
