using Tandem.Model.Meta;

namespace Tandem.Model.Lint;

/// <summary>
/// <c>tandem.dev/lint-ignore: rule-a, rule-b</c> on an object silences those rules for that
/// object only. An annotation rather than a YAML comment, so that it survives kubectl, Helm and
/// any tool that rewrites the manifest.
/// </summary>
public static class LintIgnoreAnnotation
{
    public const string Key = "tandem.dev/lint-ignore";

    /// <summary>The rule ids named by the object's annotation, as written (trimmed, in order).</summary>
    public static IReadOnlyList<string> RuleIds(IKubernetesObject obj) =>
        obj.Metadata?.Annotations?.TryGetValue(Key, out var value) == true
            ? value.Split([',', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
}
