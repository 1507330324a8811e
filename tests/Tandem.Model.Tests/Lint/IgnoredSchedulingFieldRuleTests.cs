namespace Tandem.Model.Tests.Lint;

public sealed class IgnoredSchedulingFieldRuleTests
{
    private const string Id = "ignored-scheduling-field";

    [Fact]
    public void SchedulingFields_AreInfoNotesAtTheirKeys()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: reports}
            spec:
              nodeSelector:
                disktype: ssd
              tolerations:
              - {key: dedicated, operator: Exists}
              schedulerName: my-scheduler
              containers:
              - name: c
                image: busybox:1.36
            """);

        Assert.Equal(["pod.yaml:5:3", "pod.yaml:7:3", "pod.yaml:9:3"], LintRun.Locations(findings, Id));
        Assert.Contains(findings, f => f.Message == "spec.nodeSelector is ignored: Tandem runs every pod on its single node");
    }

    [Fact]
    public void ThePlainPodAndTheDefaultSchedulerName_AreClean()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: Pod
            metadata: {name: reports}
            spec:
              schedulerName: default-scheduler
              containers:
              - name: c
                image: busybox:1.36
            """);

        Assert.Empty(LintRun.Locations(findings, Id));
    }
}
