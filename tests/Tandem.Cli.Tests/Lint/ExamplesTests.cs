using System.Text.RegularExpressions;
using Tandem.Cli.Lint;
using Tandem.Model.Lint;
using Tandem.Model.Manifests;

namespace Tandem.Cli.Tests.Lint;

/// <summary>
/// Every file in the repository's examples/: the classic mistakes must be caught by the rules
/// their header names (<c># lint: rule-a, rule-b</c>), and every other example must be free of errors.
/// </summary>
public sealed partial class ExamplesTests
{
    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in LintInputs.Expand([ExamplesRoot]))
        {
            data.Add(Path.GetRelativePath(ExamplesRoot, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_IsCaughtByItsRules_OrHasNoErrors(string relativePath)
    {
        var path = Path.Combine(ExamplesRoot, relativePath);
        var manifest = ManifestLoader.LoadFile(path);
        Assert.False(manifest.Unreadable, string.Join("\n", manifest.Problems));
        var findings = Linter.Run([manifest]);

        if (relativePath.StartsWith("mistakes" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            var expected = ExpectedRules(File.ReadAllText(path));
            Assert.True(expected.Count > 0, $"{relativePath} needs a '# lint: rule-id' line in its header comment");
            Assert.All(expected, rule => Assert.True(LintRules.Find(rule) is not null, $"{relativePath} names unknown rule {rule}"));
            Assert.All(expected, rule => Assert.Contains(findings, f => f.RuleId == rule));
        }
        else
        {
            Assert.DoesNotContain(findings, f => f.Severity == LintSeverity.Error);
        }
    }

    [Fact]
    public async Task TheWholeExamplesDirectory_LintsInOneRun_AndFailsOnTheMistakes()
    {
        var result = await LintCli.Run(ExamplesRoot, "--output", "json");

        Assert.Equal(1, result.Exit);
        Assert.Empty(result.Error);
    }

    /// <summary>The rule ids on the <c># lint:</c> line of the leading comment block.</summary>
    private static IReadOnlyList<string> ExpectedRules(string text) =>
        text.Split('\n').TakeWhile(line => line.StartsWith('#'))
            .Select(line => LintHeader().Match(line))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups["rules"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

    private static string ExamplesRoot => RepositoryPaths.Examples;

    [GeneratedRegex(@"^#\s*lint:\s*(?<rules>.+)$")]
    private static partial Regex LintHeader();
}
