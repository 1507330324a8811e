namespace Tandem.Model.Tests.Lint;

public sealed class SidecarWithoutLimitsRuleTests
{
    private const string Id = "sidecar-without-limits";

    private static string Pod(string resources) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          initContainers:
          - name: shipper
            image: busybox:1.36
            restartPolicy: Always
            {{resources}}
          containers:
          - name: api
            image: busybox:1.36
        """;

    [Fact]
    public void SidecarWithoutResources_IsAWarningAtItsName()
    {
        var finding = Assert.Single(LintRun.Of(Pod("")), f => f.RuleId == Id);

        Assert.Equal("pod.yaml:6:11", finding.Location.ToString());
        Assert.Equal("sidecar \"shipper\" has no resource limits", finding.Message);
    }

    [Fact]
    public void SidecarWithOnlyACpuLimit_IsAWarningAtItsResources()
    {
        var finding = Assert.Single(LintRun.Of(Pod("resources: {limits: {cpu: 100m}}")), f => f.RuleId == Id);

        Assert.Equal("pod.yaml:9:5", finding.Location.ToString());
        Assert.Equal("sidecar \"shipper\" has no memory limit", finding.Message);
    }

    [Fact]
    public void SidecarWithAMemoryLimit_AndRegularContainersWithout_AreClean()
    {
        Assert.Empty(LintRun.Locations(LintRun.Of(Pod("resources: {limits: {memory: 32Mi}}")), Id));
    }
}
