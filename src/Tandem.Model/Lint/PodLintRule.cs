namespace Tandem.Model.Lint;

/// <summary>A rule that looks at one pod at a time, which is what most rules do.</summary>
public abstract class PodLintRule : ILintRule
{
    public abstract LintRuleInfo Info { get; }

    public IEnumerable<LintFinding> Check(LintContext context) => context.Pods.SelectMany(Check);

    protected abstract IEnumerable<LintFinding> Check(LintedPod pod);
}
