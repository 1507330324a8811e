namespace Tandem.Model.Lint;

/// <summary>
/// One check. A rule is a pure function from everything that was loaded to its findings; it
/// sees the objects of every file at once, so that it can relate pods to each other.
/// </summary>
public interface ILintRule
{
    LintRuleInfo Info { get; }

    IEnumerable<LintFinding> Check(LintContext context);
}
