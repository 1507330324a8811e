using Tandem.Model.Lint;

namespace Tandem.Cli.Lint;

/// <summary>
/// For people: one line per finding in the <c>file:line:col: severity [rule] message</c> form that
/// editors and terminals turn into links, then (unless brief) why it matters and how to fix it,
/// and a summary line. Unreadable inputs are reported on standard error by the command.
/// </summary>
public sealed class TextLintFormatter(bool color, bool brief) : ILintFormatter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Red = "\u001b[1;31m";
    private const string Yellow = "\u001b[1;33m";
    private const string Cyan = "\u001b[1;36m";

    public void Write(LintReport report, TextWriter output)
    {
        foreach (var finding in report.Findings)
        {
            var (label, tint) = finding.Severity switch
            {
                LintSeverity.Error => ("error", Red),
                LintSeverity.Warning => ("warning", Yellow),
                _ => ("info", Cyan),
            };
            var subject = finding.ObjectName is null ? "" : finding.ObjectName + ": ";
            output.WriteLine($"{Paint(Bold, finding.Location.ToString())}: {Paint(tint, label)} {Paint(Dim, $"[{finding.RuleId}]")} {subject}{finding.Message}");
            if (!brief)
            {
                output.WriteLine($"    {Paint(Dim, "why:")} {finding.Why}");
                output.WriteLine($"    {Paint(Dim, "fix:")} {finding.Fix}");
            }
        }
        output.WriteLine(Summary(report));
    }

    private string Summary(LintReport report)
    {
        var files = report.Files.Count == 1 ? "1 file" : $"{report.Files.Count} files";
        var unreadable = report.ReadErrors.Count == 0 ? "" : $", {report.ReadErrors.Count} could not be read";
        if (report.Findings.Count == 0)
        {
            return $"No findings in {files}{unreadable}.";
        }
        var parts = new[] { (LintSeverity.Error, "error"), (LintSeverity.Warning, "warning"), (LintSeverity.Info, "info") }
            .Select(s => (Count: report.Count(s.Item1), Name: s.Item2))
            .Where(s => s.Count > 0)
            .Select(s => s.Name == "info" || s.Count == 1 ? $"{s.Count} {s.Name}" : $"{s.Count} {s.Name}s");
        var total = report.Findings.Count == 1 ? "1 finding" : $"{report.Findings.Count} findings";
        return $"{total} ({string.Join(", ", parts)}) in {files}{unreadable}.";
    }

    private string Paint(string style, string text) => color ? style + text + Reset : text;
}
