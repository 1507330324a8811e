namespace Tandem.Model.Tests.Lint;

public sealed class SidecarPreStopShutdownRuleTests
{
    private const string Id = "sidecar-prestop-shutdown";

    private static string Pod(string restartPolicy, string preStop) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: checkout}
        spec:
          initContainers:
          - name: proxy
            image: envoyproxy/envoy:v1.31.2
            {{restartPolicy}}
            lifecycle:
              preStop:
                {{preStop}}
          containers:
          - name: app
            image: app:1
        """;

    [Theory]
    [InlineData("""exec: {command: ["sh", "-c", "curl -X POST localhost:15000/quitquitquit"]}""", "pod.yaml:11:25")]
    [InlineData("""exec: {command: ["kill", "1"]}""", "pod.yaml:11:25")]
    [InlineData("""httpGet: {path: /shutdown, port: 15000}""", "pod.yaml:11:25")]
    public void SidecarPreStopThatStopsIt_IsAWarningAtTheHook(string preStop, string location)
    {
        var findings = LintRun.Of(Pod("restartPolicy: Always", preStop));

        Assert.Equal([location], LintRun.Locations(findings, Id));
    }

    [Theory]
    [InlineData("restartPolicy: Always", "sleep: {seconds: 5}")]
    [InlineData("restartPolicy: Always", """exec: {command: ["sh", "-c", "echo draining"]}""")]
    public void WaitingHooks_AreClean(string restartPolicy, string preStop)
    {
        Assert.Empty(LintRun.Locations(LintRun.Of(Pod(restartPolicy, preStop)), Id));
    }
}
