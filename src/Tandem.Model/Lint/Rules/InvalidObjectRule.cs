namespace Tandem.Model.Lint.Rules;

/// <summary>
/// What the API server would refuse: strict decoding and validation problems from the manifest
/// loader, reported as findings so that one run shows everything wrong with a file.
/// </summary>
public sealed class InvalidObjectRule : ILintRule
{
    public static readonly LintRuleInfo Rule = new(
        "invalid-object",
        LintSeverity.Error,
        "The object is not valid Kubernetes: the API server (and Tandem) would refuse it.",
        "An object that fails decoding or validation is never created, so none of its containers run; "
        + "the other rules cannot look at it either.",
        "Correct the field named in the message; the wording is the API server's own.");

    public LintRuleInfo Info => Rule;

    public IEnumerable<LintFinding> Check(LintContext context) =>
        context.Manifests
            .Where(m => !m.Unreadable)
            .SelectMany(m => m.Problems)
            .Select(p => new LintFinding(Rule.Id, Rule.Severity, WithoutObjectName(p.Message, p.ObjectName), Rule.Why, Rule.Fix, p.Location, p.ObjectName));

    // The loader prefixes its messages with the object's name, which findings carry separately.
    private static string WithoutObjectName(string message, string? objectName) =>
        objectName is not null && message.StartsWith(objectName + ": ", StringComparison.Ordinal) ? message[(objectName.Length + 2)..] : message;
}
