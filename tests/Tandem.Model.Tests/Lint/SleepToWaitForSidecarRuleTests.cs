namespace Tandem.Model.Tests.Lint;

public sealed class SleepToWaitForSidecarRuleTests
{
    private const string Id = "sleep-to-wait-for-sidecar";

    private static string Pod(string sidecarProbe, string script) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: importer}
        spec:
          initContainers:
          - name: cache
            image: redis:7.4
            restartPolicy: Always
            {{sidecarProbe}}
          containers:
          - name: importer
            image: busybox:1.36
            command: ["sh", "-c", "{{script}}"]
        """;

    [Fact]
    public void LeadingSleepAfterASidecarWithoutProbe_IsANoteSuggestingAStartupProbe()
    {
        var finding = Assert.Single(LintRun.Of(Pod("", "sleep 10 && exec importer")), f => f.RuleId == Id);

        Assert.Equal("pod.yaml:13:27", finding.Location.ToString());
        Assert.Equal(
            "container \"importer\" runs \"sleep 10\" before its real work; if that waits for sidecar \"cache\", a startupProbe on the sidecar waits exactly as long as needed",
            finding.Message);
    }

    [Fact]
    public void LeadingSleepAfterASidecarWithAStartupProbe_SaysTheSleepIsRedundant()
    {
        var finding = Assert.Single(LintRun.Of(Pod("startupProbe: {exec: {command: [redis-cli, ping]}}", "sleep 5; importer")), f => f.RuleId == Id);

        Assert.EndsWith("although the kubelet already waits for the startupProbe of sidecar \"cache\"", finding.Message);
    }

    [Theory]
    [InlineData("importer && sleep 5")]
    [InlineData("sleep 5")]
    [InlineData("while true; do sleep 5; done")]
    public void SleepsThatAreNotAWaitBeforeTheWork_AreClean(string script)
    {
        Assert.Empty(LintRun.Locations(LintRun.Of(Pod("", script)), Id));
    }
}
