namespace Tandem.Model.Tests.Lint;

public sealed class WritableMountOnlyReadRuleTests
{
    private const string Id = "sidecar-mount-not-read-only";

    private static string Pod(string command, string readOnly = "false") => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: worker}
        spec:
          volumes:
          - name: logs
            emptyDir: {}
          initContainers:
          - name: tail
            image: busybox:1.36
            restartPolicy: Always
            command: {{command}}
            volumeMounts:
            - name: logs
              mountPath: /logs
              readOnly: {{readOnly}}
          containers:
          - name: worker
            image: busybox:1.36
            volumeMounts:
            - {name: logs, mountPath: /logs}
        """;

    [Fact]
    public void ReaderWithAReadWriteMountOfASharedVolume_IsAWarningAtTheMount()
    {
        var findings = LintRun.Of(Pod("""["tail", "-F", "/logs/app.log"]"""));

        Assert.Equal(["pod.yaml:14:7"], LintRun.Locations(findings, Id));
    }

    [Theory]
    [InlineData("""["tail", "-F", "/logs/app.log"]""", "true")]
    [InlineData("""["sh", "-c", "tail -F /logs/app.log | gzip > /logs/app.gz"]""", "false")]
    [InlineData("""["sh", "-c", "cat /logs/app.log; rm /logs/app.log"]""", "false")]
    [InlineData("""["shipper", "--config", "/etc/shipper.yaml"]""", "false")]
    public void ReadOnlyMountsWritersAndUnknownCommands_AreClean(string command, string readOnly)
    {
        Assert.Empty(LintRun.Locations(LintRun.Of(Pod(command, readOnly)), Id));
    }
}
