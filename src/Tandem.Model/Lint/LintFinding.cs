using Tandem.Model.Manifests;
using Tandem.Model.Sources;

namespace Tandem.Model.Lint;

/// <summary>One thing a rule found, located at the field it is about.</summary>
/// <param name="RuleId">The stable id of the rule (<see cref="LintRuleInfo.Id"/>).</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Message">What is wrong in this object, naming its containers and values.</param>
/// <param name="Why">Why it matters (the rule's explanation).</param>
/// <param name="Fix">How to fix it.</param>
/// <param name="Location">The file, line and column of the field the finding is about.</param>
/// <param name="ObjectName">The object, as <c>Pod/web</c>, or null when it has no readable name.</param>
public sealed record LintFinding(
    string RuleId,
    LintSeverity Severity,
    string Message,
    string Why,
    string Fix,
    SourceLocation Location,
    string? ObjectName)
{
    /// <summary>The object the finding is about, so that its ignore annotation can be honoured.</summary>
    internal LoadedObject? Subject { get; init; }

    public override string ToString() =>
        $"{Location}: {Severity.ToString().ToLowerInvariant()} [{RuleId}] {Message}";
}
