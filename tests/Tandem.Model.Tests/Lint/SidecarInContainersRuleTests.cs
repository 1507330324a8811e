using Tandem.Model.Lint;

namespace Tandem.Model.Tests.Lint;

public sealed class SidecarInContainersRuleTests
{
    private const string Id = "sidecar-in-containers";

    private const string JobWithTailer = """
        apiVersion: v1
        kind: Pod
        metadata: {name: job}
        spec:
          restartPolicy: POLICY
          containers:
          - name: main
            image: busybox:1.36
            command: ["sh", "-c", "echo done"]
          - name: tailer
            image: busybox:1.36
            command: ["tail", "-F", "/logs/job.log"]
        """;

    [Theory]
    [InlineData("Never")]
    [InlineData("OnFailure")]
    public void LongRunningHelperInContainersOfACompletingPod_IsAnError(string policy)
    {
        var findings = LintRun.Of(JobWithTailer.Replace("POLICY", policy, StringComparison.Ordinal));

        Assert.Equal(["pod.yaml:10:11"], LintRun.Locations(findings, Id));
        var finding = Assert.Single(findings, f => f.RuleId == Id);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Contains("container \"tailer\" looks long-running (its command runs \"tail -F\")", finding.Message);
    }

    [Fact]
    public void APodThatRestartsAlways_IsNotMeantToComplete_AndIsClean()
    {
        Assert.Empty(LintRun.Locations(LintRun.Of(JobWithTailer.Replace("POLICY", "Always", StringComparison.Ordinal)), Id));
    }

    [Fact]
    public void TheSameHelperAsANativeSidecar_IsClean()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: job}
            spec:
              restartPolicy: Never
              initContainers:
              - name: tailer
                image: busybox:1.36
                restartPolicy: Always
                command: ["tail", "-F", "/logs/job.log"]
              containers:
              - name: main
                image: busybox:1.36
                command: ["sh", "-c", "echo done"]
            """);

        Assert.Empty(LintRun.Locations(findings, Id));
    }

    [Fact]
    public void WhenEveryContainerLooksLongRunning_ThereIsNoJobToBlock_AndItIsClean()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: servers}
            spec:
              restartPolicy: Never
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
              - name: tailer
                image: busybox:1.36
                command: ["tail", "-F", "/logs/a.log"]
            """);

        Assert.Empty(LintRun.Locations(findings, Id));
    }
}
