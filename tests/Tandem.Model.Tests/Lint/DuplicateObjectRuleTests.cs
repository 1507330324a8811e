namespace Tandem.Model.Tests.Lint;

public sealed class DuplicateObjectRuleTests
{
    private const string Id = "duplicate-object";

    private static string Pod(string name, string ns = "") => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          {{ns}}
        spec:
          containers:
          - {name: c, image: "busybox:1.36"}
        """;

    [Fact]
    public void TheSamePodInTwoFiles_IsAWarningAtTheSecond()
    {
        var findings = LintRun.Of([("a.yaml", Pod("web")), ("b.yaml", Pod("web", "namespace: default"))]);

        var finding = Assert.Single(findings, f => f.RuleId == Id);
        Assert.Equal("b.yaml:4:9", finding.Location.ToString());
        Assert.Equal("Pod/web is already defined at a.yaml:4:9; applying both keeps only this one", finding.Message);
    }

    [Fact]
    public void DifferentNamesOrNamespaces_AreClean()
    {
        var findings = LintRun.Of([("a.yaml", Pod("web")), ("b.yaml", Pod("web", "namespace: staging")), ("c.yaml", Pod("api"))]);

        Assert.Empty(LintRun.Locations(findings, Id));
    }
}
