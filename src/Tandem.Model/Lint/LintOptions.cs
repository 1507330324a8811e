namespace Tandem.Model.Lint;

/// <summary>What to run: every rule except those disabled (by id).</summary>
public sealed record LintOptions
{
    public static LintOptions Default { get; } = new();

    public IReadOnlySet<string> Disabled { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlyList<ILintRule> Rules { get; init; } = LintRules.All;
}
