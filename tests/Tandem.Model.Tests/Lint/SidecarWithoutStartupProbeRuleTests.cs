using Tandem.Model.Lint;

namespace Tandem.Model.Tests.Lint;

public sealed class SidecarWithoutStartupProbeRuleTests
{
    private const string Id = "sidecar-without-startup-probe";

    [Fact]
    public void AppUsingTheSidecarsLocalhostPort_WithoutStartupProbe_IsAWarningAtTheSidecar()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: crawler}
            spec:
              initContainers:
              - name: proxy
                image: squid:6
                restartPolicy: Always
                ports:
                - containerPort: 3128
              containers:
              - name: app
                image: curl:8
                env:
                - name: HTTP_PROXY
                  value: http://localhost:3128
            """);

        Assert.Equal(["pod.yaml:6:11"], LintRun.Locations(findings, Id));
        var finding = Assert.Single(findings, f => f.RuleId == Id);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal(
            "container \"app\" connects to localhost:3128 (env HTTP_PROXY), but sidecar \"proxy\" has no startupProbe, so it may not be serving when that container starts",
            finding.Message);
    }

    [Fact]
    public void AppUsingASocketOnAVolumeSharedWithTheSidecar_IsAWarning()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: agent}
            spec:
              volumes:
              - name: sockets
                emptyDir: {}
              initContainers:
              - name: agent
                image: agent:1
                restartPolicy: Always
                volumeMounts:
                - name: sockets
                  mountPath: /run/agent
              containers:
              - name: app
                image: app:1
                args: ["--agent", "unix:///sockets/agent.sock"]
                volumeMounts:
                - name: sockets
                  mountPath: /sockets
            """);

        var finding = Assert.Single(findings, f => f.RuleId == Id);
        Assert.Equal("pod.yaml:9:11", finding.Location.ToString());
        Assert.StartsWith("container \"app\" uses the socket /sockets/agent.sock on volume \"sockets\" (args)", finding.Message);
    }

    [Fact]
    public void HelperInContainers_HasNoStartOrderAtAll_AndIsAWarning()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: legacy}
            spec:
              containers:
              - name: app
                image: app:1
                args: ["--db", "127.0.0.1:5432"]
              - name: db-proxy
                image: proxy:1
                ports:
                - containerPort: 5432
            """);

        var finding = Assert.Single(findings, f => f.RuleId == Id);
        Assert.Equal("pod.yaml:9:11", finding.Location.ToString());
        Assert.Contains("is a regular container: containers are not started in any guaranteed order", finding.Message);
    }

    [Theory]
    [InlineData("startupProbe: {tcpSocket: {port: 3128}}")]
    [InlineData("lifecycle: {postStart: {exec: {command: [wait-for-port]}}}")]
    public void ASidecarWithAStartupProbeOrPostStart_IsClean(string gate)
    {
        var findings = LintRun.Of($$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: crawler}
            spec:
              initContainers:
              - name: proxy
                image: squid:6
                restartPolicy: Always
                {{gate}}
                ports:
                - containerPort: 3128
              containers:
              - name: app
                image: curl:8
                args: ["-x", "localhost:3128", "https://example.com"]
            """);

        Assert.Empty(LintRun.Locations(findings, Id));
    }

    [Fact]
    public void AnAppThatDoesNotMentionTheSidecarsPort_IsClean()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
              - name: metrics
                image: exporter:1
                restartPolicy: Always
                ports:
                - containerPort: 9100
              containers:
              - name: app
                image: app:1
                args: ["--listen", "localhost:8080"]
            """);

        Assert.Empty(LintRun.Locations(findings, Id));
    }
}
