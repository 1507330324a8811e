using Tandem.Model.Manifests;

namespace Tandem.Model.Lint;

/// <summary>
/// Runs the rules over everything that was loaded, drops what an object's ignore annotation or
/// the options silence, and returns the findings in reading order (file, line, column).
/// </summary>
public static class Linter
{
    public static IReadOnlyList<LintFinding> Run(IReadOnlyList<LoadedManifest> manifests, LintOptions? options = null)
    {
        options ??= LintOptions.Default;
        var context = new LintContext(manifests);
        // By identity: two copies of one object (duplicate-object) each have their own annotation.
        var ignored = new Dictionary<LoadedObject, HashSet<string>>(ReferenceEqualityComparer.Instance);
        foreach (var obj in context.Objects)
        {
            ignored[obj] = LintIgnoreAnnotation.RuleIds(obj.Written).ToHashSet(StringComparer.Ordinal);
        }
        return options.Rules
            .Where(rule => !options.Disabled.Contains(rule.Info.Id))
            .SelectMany(rule => rule.Check(context))
            .Where(f => f.Subject is null || !ignored[f.Subject].Contains(f.RuleId))
            .OrderBy(f => f.Location.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.Location.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
    }
}
