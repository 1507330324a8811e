using Tandem.Model.Lint;

namespace Tandem.Model.Tests.Lint;

public sealed class LinterTests
{
    private const string TwoProblems = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: site
          annotations:
            ANNOTATION
        spec:
          nodeSelector: {disk: ssd}
          containers:
          - name: web
            image: nginx
        """;

    [Fact]
    public void Findings_AreSortedByFileLineAndColumn()
    {
        var first = TwoProblems.Replace("ANNOTATION", "a: b", StringComparison.Ordinal);
        var second = first.Replace("name: site", "name: page", StringComparison.Ordinal);

        var findings = LintRun.Of([("b.yaml", first), ("a.yaml", second)]);

        Assert.Equal(
            ["a.yaml:8:3", "a.yaml:11:12", "b.yaml:8:3", "b.yaml:11:12"],
            findings.Select(f => f.Location.ToString()));
    }

    [Fact]
    public void TheIgnoreAnnotation_SilencesTheNamedRulesForThatObjectOnly()
    {
        var ignoring = TwoProblems.Replace("ANNOTATION", "tandem.dev/lint-ignore: latest-image, ignored-scheduling-field", StringComparison.Ordinal);
        var other = TwoProblems.Replace("ANNOTATION", "a: b", StringComparison.Ordinal).Replace("name: site", "name: other", StringComparison.Ordinal);

        var findings = LintRun.Of($"{ignoring}\n---\n{other}");

        Assert.All(findings, f => Assert.Equal("Pod/other", f.ObjectName));
        Assert.Equal(["ignored-scheduling-field", "latest-image"], findings.Select(f => f.RuleId));
    }

    [Fact]
    public void TheIgnoreAnnotation_BelongsToOneCopy_WhenAnObjectIsDefinedTwice()
    {
        var ignoring = TwoProblems.Replace("ANNOTATION", "tandem.dev/lint-ignore: latest-image", StringComparison.Ordinal);
        var copy = TwoProblems.Replace("ANNOTATION", "a: b", StringComparison.Ordinal);

        var findings = LintRun.Of($"{ignoring}\n---\n{copy}");

        Assert.Equal(["pod.yaml:23:12"], LintRun.Locations(findings, "latest-image"));
    }

    [Fact]
    public void AnUnknownRuleInTheIgnoreAnnotation_IsAWarningAtTheAnnotation()
    {
        var findings = LintRun.Of(TwoProblems.Replace("ANNOTATION", "tandem.dev/lint-ignore: latest-image,no-such-rule", StringComparison.Ordinal));

        var finding = Assert.Single(findings, f => f.RuleId == "unknown-lint-ignore");
        Assert.Equal("pod.yaml:6:29", finding.Location.ToString());
        Assert.Equal("tandem.dev/lint-ignore names \"no-such-rule\", which is not a rule", finding.Message);
        Assert.DoesNotContain(findings, f => f.RuleId == "latest-image");
    }

    [Fact]
    public void DisabledRules_DoNotRun()
    {
        var options = new LintOptions { Disabled = new HashSet<string> { "latest-image" } };

        var findings = LintRun.Of(TwoProblems.Replace("ANNOTATION", "a: b", StringComparison.Ordinal), options: options);

        Assert.Equal(["ignored-scheduling-field"], findings.Select(f => f.RuleId));
    }

    [Fact]
    public void ObjectsInsideAList_ArePointedAtInsideTheList()
    {
        var findings = LintRun.Of("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: web}
              spec:
                containers:
                - {name: web, image: "nginx:latest"}
            """);

        Assert.Equal(["pod.yaml:9:26"], LintRun.Locations(findings, "latest-image"));
    }

    [Fact]
    public void EveryRule_HasAUniqueKebabCaseIdAndTheTextsPeopleNeed()
    {
        var infos = LintRules.All.Select(r => r.Info).ToList();

        Assert.Equal(infos.Count, infos.Select(i => i.Id).Distinct().Count());
        Assert.All(infos, i =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", i.Id);
            Assert.NotEmpty(i.Summary);
            Assert.NotEmpty(i.Why);
            Assert.NotEmpty(i.Fix);
        });
    }
}
