using Tandem.Model.Lint;

namespace Tandem.Cli.Tests.Lint;

public sealed class LintDocsTests
{
    [Fact]
    public void DocsLint_DescribesEveryRule_UnderItsOwnHeading()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "lint.md"));

        Assert.All(LintRules.All, rule =>
        {
            Assert.Contains($"### `{rule.Info.Id}`", docs);
            Assert.Contains($"*{rule.Info.Severity.ToString().ToLowerInvariant()}* — {rule.Info.Summary}", docs);
        });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tandem.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Tandem.slnx above {AppContext.BaseDirectory}");
    }
}
