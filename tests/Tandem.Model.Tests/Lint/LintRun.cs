using Tandem.Model.Lint;
using Tandem.Model.Manifests;

namespace Tandem.Model.Tests.Lint;

/// <summary>Lints manifest text the way the CLI does: through the loader, so positions are real.</summary>
internal static class LintRun
{
    public static IReadOnlyList<LintFinding> Of(string yaml, string file = "pod.yaml", LintOptions? options = null) =>
        Of([(file, yaml)], options);

    public static IReadOnlyList<LintFinding> Of(IEnumerable<(string File, string Yaml)> files, LintOptions? options = null)
    {
        var manifests = files.Select(f => ManifestLoader.Load(f.Yaml, f.File)).ToList();
        Assert.All(manifests, m => Assert.False(m.Unreadable, string.Join("\n", m.Problems)));
        return Linter.Run(manifests, options);
    }

    /// <summary>The <c>file:line:col</c> of every finding of one rule, in output order.</summary>
    public static IReadOnlyList<string> Locations(IEnumerable<LintFinding> findings, string ruleId) =>
        findings.Where(f => f.RuleId == ruleId).Select(f => f.Location.ToString()).ToList();
}
