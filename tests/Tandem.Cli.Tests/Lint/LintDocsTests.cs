using Tandem.Model.Lint;

namespace Tandem.Cli.Tests.Lint;

public sealed class LintDocsTests
{
    [Fact]
    public void DocsLint_DescribesEveryRule_UnderItsOwnHeading()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "lint.md"));

        Assert.All(LintRules.All, rule =>
        {
            Assert.Contains($"### `{rule.Info.Id}`", docs);
            Assert.Contains($"*{rule.Info.Severity.ToString().ToLowerInvariant()}* — {rule.Info.Summary}", docs);
        });
    }
}
