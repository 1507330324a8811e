using Tandem.Model.Lint;
using Tandem.Model.Sources;

namespace Tandem.Cli.Lint;

/// <summary>What one run of <c>tandem lint</c> produced, for the formatters.</summary>
/// <param name="Files">Every input, in the order read.</param>
/// <param name="Findings">The findings, sorted by file, line and column.</param>
/// <param name="ReadErrors">Inputs that could not be read at all (exit code 2).</param>
/// <param name="Rules">The rules that ran.</param>
public sealed record LintReport(
    IReadOnlyList<string> Files,
    IReadOnlyList<LintFinding> Findings,
    IReadOnlyList<LintReadError> ReadErrors,
    IReadOnlyList<LintRuleInfo> Rules)
{
    public int Count(LintSeverity severity) => Findings.Count(f => f.Severity == severity);
}
