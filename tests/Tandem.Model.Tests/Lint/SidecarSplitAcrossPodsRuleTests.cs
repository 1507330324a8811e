namespace Tandem.Model.Tests.Lint;

public sealed class SidecarSplitAcrossPodsRuleTests
{
    private const string Id = "sidecar-split-across-pods";

    private static string Pod(string name, string path, string mountPath = "/data") => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}}
        spec:
          volumes:
          - name: shared
            hostPath:
              path: {{path}}
          containers:
          - name: c
            image: busybox:1.36
            volumeMounts:
            - {name: shared, mountPath: {{mountPath}}}
        """;

    [Fact]
    public void TwoPodsInTwoFilesSharingAHostDirectory_AreWarnedAboutEach()
    {
        var findings = LintRun.Of([("app.yaml", Pod("app", "/srv/app/logs")), ("shipper.yaml", Pod("shipper", "/srv/app"))]);

        Assert.Equal(["app.yaml:8:13", "shipper.yaml:8:13"], LintRun.Locations(findings, Id));
        Assert.Equal(
            "Pod/app and Pod/shipper (in shipper.yaml) share the host directory /srv/app/logs (as /srv/app); if one is a helper of the other, it belongs in the same pod as a sidecar",
            findings.First(f => f.RuleId == Id).Message);
    }

    [Theory]
    [InlineData("/var/log", "/var/log")]
    [InlineData("/srv/a", "/srv/b")]
    [InlineData("/var/run/docker.sock", "/var/run/docker.sock")]
    public void HostOwnedOrDifferentDirectories_AreClean(string first, string second)
    {
        var findings = LintRun.Of([("a.yaml", Pod("a", first)), ("b.yaml", Pod("b", second))]);

        Assert.Empty(LintRun.Locations(findings, Id));
    }
}
