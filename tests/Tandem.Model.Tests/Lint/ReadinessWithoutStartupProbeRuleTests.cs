namespace Tandem.Model.Tests.Lint;

public sealed class ReadinessWithoutStartupProbeRuleTests
{
    private const string Id = "sidecar-readiness-without-startup-probe";

    private static string Pod(string probes) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: cache-user}
        spec:
          initContainers:
          - name: cache
            image: redis:7.4
            restartPolicy: Always
            {{probes}}
          containers:
          - name: app
            image: app:1
        """;

    [Fact]
    public void SidecarWithOnlyAReadinessProbe_IsAWarningAtTheProbe()
    {
        var findings = LintRun.Of(Pod("readinessProbe: {exec: {command: [redis-cli, ping]}}"));

        Assert.Equal(["pod.yaml:9:5"], LintRun.Locations(findings, Id));
    }

    [Fact]
    public void SidecarWithBothProbes_IsClean()
    {
        var findings = LintRun.Of(Pod("readinessProbe: {exec: {command: [redis-cli, ping]}}\n    startupProbe: {exec: {command: [redis-cli, ping]}}"));

        Assert.Empty(LintRun.Locations(findings, Id));
    }
}
