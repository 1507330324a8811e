namespace Tandem.Model.Tests.Lint;

public sealed class SignalWithoutSharedPidRuleTests
{
    private const string Id = "signal-without-shared-process-namespace";

    private static string Pod(string share, string reload) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: gateway}
        spec:
          {{share}}
          initContainers:
          - name: reloader
            image: busybox:1.36
            restartPolicy: Always
            command: ["sh", "-c", "{{reload}}"]
          containers:
          - name: proxy
            image: nginx:1.27
        """;

    [Theory]
    [InlineData("pkill -HUP nginx")]
    [InlineData("kill -HUP $(pidof nginx)")]
    [InlineData("killall -s HUP proxy")]
    public void SignallingAnotherContainersProcessWithoutSharing_IsAWarningAtTheCommand(string reload)
    {
        var findings = LintRun.Of(Pod("", reload));

        Assert.Equal(["pod.yaml:10:27"], LintRun.Locations(findings, Id));
    }

    [Theory]
    [InlineData("shareProcessNamespace: true", "pkill -HUP nginx")]
    [InlineData("", "pkill -HUP crond")]
    public void SharedPidNamespaceOrOwnProcesses_AreClean(string share, string reload)
    {
        Assert.Empty(LintRun.Locations(LintRun.Of(Pod(share, reload)), Id));
    }
}
