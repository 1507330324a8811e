using Tandem.Model.Validation;

namespace Tandem.Model.Lint.Rules;

/// <summary>A typo in the ignore annotation silently ignores nothing; say so.</summary>
public sealed class UnknownLintIgnoreRule : ILintRule
{
    public static readonly LintRuleInfo Rule = new(
        "unknown-lint-ignore",
        LintSeverity.Warning,
        $"The {LintIgnoreAnnotation.Key} annotation names a rule that does not exist.",
        "An unknown rule id in the annotation ignores nothing, so the finding it was meant to silence "
        + "still appears, or a misspelt id hides that the wrong rule is being silenced.",
        "Use the ids printed by tandem lint --list-rules, separated by commas.");

    public LintRuleInfo Info => Rule;

    public IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var obj in context.Objects)
        {
            foreach (var id in LintIgnoreAnnotation.RuleIds(obj.Written))
            {
                if (LintRules.Find(id) is null)
                {
                    var field = FieldPath.Root("metadata").Child("annotations").Key(LintIgnoreAnnotation.Key);
                    yield return new LintFinding(Rule.Id, Rule.Severity,
                        $"{LintIgnoreAnnotation.Key} names \"{id}\", which is not a rule", Rule.Why, Rule.Fix, obj.Locate(field), obj.DisplayName) { Subject = obj };
                }
            }
        }
    }
}
