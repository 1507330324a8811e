using Tandem.Model.Lint;
using Tandem.Model.Lint.Rules;

namespace Tandem.Model.Tests.Lint;

public sealed class PortConflictRuleTests
{
    private const string Id = "port-conflict";

    [Fact]
    public void SidecarAndAppOnTheSamePort_IsAnErrorAtTheSecondPort()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
              - name: metrics
                image: busybox:1.36
                restartPolicy: Always
                ports:
                - containerPort: 8080
              containers:
              - name: app
                image: busybox:1.36
                ports:
                - containerPort: 8080
            """);

        Assert.Equal(["pod.yaml:15:22"], LintRun.Locations(findings, Id));
        var finding = Assert.Single(findings, f => f.RuleId == Id);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal("Pod/web", finding.ObjectName);
        Assert.Contains("container \"app\" declares port 8080/TCP, which sidecar \"metrics\" already uses", finding.Message);
        Assert.Equal(PortConflictRule.Rule.Fix, finding.Fix);
    }

    [Fact]
    public void DifferentPortsOrProtocols_AndRegularInitContainers_AreClean()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
              - name: setup
                image: busybox:1.36
                ports:
                - containerPort: 8080
              containers:
              - name: app
                image: busybox:1.36
                ports:
                - containerPort: 8080
                - containerPort: 53
                  protocol: UDP
              - name: dns
                image: busybox:1.36
                ports:
                - containerPort: 53
            """);

        Assert.Empty(LintRun.Locations(findings, Id));
    }
}
