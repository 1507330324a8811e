namespace Tandem.Model.Tests.Lint;

public sealed class UnsupportedVolumeRuleTests
{
    private const string Id = "unsupported-volume";

    private static string Pod(string source) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: reports}
        spec:
          volumes:
          - name: data
            {{source}}
          containers:
          - name: c
            image: busybox:1.36
        """;

    [Theory]
    [InlineData("persistentVolumeClaim: {claimName: data}", "persistentVolumeClaim")]
    [InlineData("nfs: {server: nas, path: /exports}", "nfs")]
    public void ClusterStorage_IsAnInfoNoteAtTheSource(string source, string kind)
    {
        var finding = Assert.Single(LintRun.Of(Pod(source)), f => f.RuleId == Id);

        Assert.Equal("pod.yaml:7:5", finding.Location.ToString());
        Assert.Equal(Model.Lint.LintSeverity.Info, finding.Severity);
        Assert.Equal($"volume \"data\" is a {kind} volume, which Tandem cannot provide on a single node", finding.Message);
    }

    [Theory]
    [InlineData("emptyDir: {medium: Memory}")]
    [InlineData("hostPath: {path: /srv/data}")]
    [InlineData("configMap: {name: settings}")]
    public void VolumesTandemProvides_AreClean(string source)
    {
        Assert.Empty(LintRun.Locations(LintRun.Of(Pod(source)), Id));
    }
}
