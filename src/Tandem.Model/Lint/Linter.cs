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
        var ignored = context.Objects
            .SelectMany(o => LintIgnoreAnnotation.RuleIds(o.Written).Select(id => (o.Document.Start.File, o.DisplayName, id)))
            .ToHashSet();
        return options.Rules
            .Where(rule => !options.Disabled.Contains(rule.Info.Id))
            .SelectMany(rule => rule.Check(context))
            .Where(f => f.ObjectName is null || !ignored.Contains((f.Location.File, f.ObjectName, f.RuleId)))
            .OrderBy(f => f.Location.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.Location.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
    }
}
