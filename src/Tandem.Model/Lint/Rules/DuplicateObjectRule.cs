using Tandem.Model.Validation;

namespace Tandem.Model.Lint.Rules;

/// <summary>The same object twice among the inputs: applying them keeps only the last one.</summary>
public sealed class DuplicateObjectRule : ILintRule
{
    public static readonly LintRuleInfo Rule = new(
        "duplicate-object",
        LintSeverity.Warning,
        "The same object (kind, namespace and name) is defined more than once.",
        "Objects are identified by kind, namespace and name. When both definitions are applied, the "
        + "second replaces the first, so whatever differs between them (often a sidecar added to one "
        + "copy only) silently disappears.",
        "Rename one of the objects, or delete the copy that is out of date.");

    public LintRuleInfo Info => Rule;

    public IEnumerable<LintFinding> Check(LintContext context)
    {
        var seen = new Dictionary<(string?, string, string), Manifests.LoadedObject>();
        foreach (var obj in context.Objects)
        {
            if (obj.Written.Metadata?.Name is not { } name || obj.Written.Kind is not { } kind)
            {
                continue;
            }
            var key = (kind, obj.Written.Metadata.Namespace ?? "default", name);
            if (seen.TryGetValue(key, out var first))
            {
                yield return new LintFinding(Rule.Id, Rule.Severity,
                    $"{obj.DisplayName} is already defined at {first.Locate(NamePath)}; applying both keeps only this one",
                    Rule.Why, Rule.Fix, obj.Locate(NamePath), obj.DisplayName) { Subject = obj };
                continue;
            }
            seen[key] = obj;
        }
    }

    private static readonly FieldPath NamePath = FieldPath.Root("metadata").Child("name");
}
