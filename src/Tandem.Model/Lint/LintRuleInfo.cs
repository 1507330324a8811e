namespace Tandem.Model.Lint;

/// <summary>
/// What a rule is, for people and for CI: a stable id (kebab-case, never reused or renamed once
/// published), its default severity, a one-line summary, why it matters and how to fix it.
/// </summary>
public sealed record LintRuleInfo(string Id, LintSeverity Severity, string Summary, string Why, string Fix);
