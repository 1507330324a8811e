using Tandem.Model.Lint;

namespace Tandem.Model.Tests.Lint;

public sealed class InvalidObjectRuleTests
{
    [Fact]
    public void ValidationErrors_BecomeErrorFindingsAtTheField_WithTheApiServersWords()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: batch}
            spec:
              containers:
              - name: helper
                image: busybox:1.36
                restartPolicy: Always
            """);

        var finding = Assert.Single(findings, f => f.RuleId == "invalid-object");
        Assert.Equal("pod.yaml:8:20", finding.Location.ToString());
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal("Pod/batch", finding.ObjectName);
        Assert.Equal("spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers", finding.Message);
    }

    [Fact]
    public void AValidObject_HasNoSuchFinding()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {a: b}
            """);

        Assert.Empty(findings);
    }
}
