using Tandem.Model.Lint.Rules;

namespace Tandem.Model.Lint;

/// <summary>Every rule, in the order <c>--list-rules</c> prints them: errors, then warnings, then notes.</summary>
public static class LintRules
{
    public static IReadOnlyList<ILintRule> All { get; } =
    [
        new InvalidObjectRule(),
        new PortConflictRule(),
        new SidecarInContainersRule(),
        new InitContainerBeforeSidecarRule(),
        new PreStopExceedsGraceRule(),
        new SidecarWithoutStartupProbeRule(),
        new ReadinessWithoutStartupProbeRule(),
        new SidecarPreStopShutdownRule(),
        new SidecarBeforeItsDependencyRule(),
        new SidecarSplitAcrossPodsRule(),
        new SidecarWithoutLimitsRule(),
        new WritableMountOnlyReadRule(),
        new SignalWithoutSharedPidRule(),
        new LatestImageRule(),
        new DuplicateObjectRule(),
        new UnknownLintIgnoreRule(),
        new SleepToWaitForSidecarRule(),
        new UnsupportedVolumeRule(),
        new IgnoredSchedulingFieldRule(),
    ];

    /// <summary>The rule with this id, or null.</summary>
    public static LintRuleInfo? Find(string id) =>
        All.Select(r => r.Info).FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
}
