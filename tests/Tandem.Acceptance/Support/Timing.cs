namespace Tandem.Acceptance.Support;

/// <summary>
/// The spec's timing slack (3.0): lower bounds are asserted strictly, upper bounds loosely: with ε and an allowance for
/// the load of this suite, which runs every scenario at once (some 45 pods, each pulling its image) on two cores that
/// other builds share. The allowance still catches a node that waits for the wrong deadline (a 30 s grace, a 600 s
/// sidecar), which is what the upper bounds are for.
/// </summary>
public static class Timing
{
    /// <summary>ε ≈ 3 s: event detection, sync, status propagation.</summary>
    public static readonly TimeSpan Epsilon = TimeSpan.FromSeconds(3);

    /// <summary>What a loaded machine adds to event detection, runc calls and status propagation (measured: up to 6 s at the start rush).</summary>
    public static readonly TimeSpan LoadAllowance = TimeSpan.FromSeconds(6);

    /// <summary>Added to every upper bound: ε plus <see cref="LoadAllowance"/>.</summary>
    public static readonly TimeSpan UpperSlack = Epsilon + LoadAllowance;

    /// <summary>Log lines carry whole seconds, so a difference of two of them may be short by up to one second.</summary>
    public static readonly TimeSpan LogResolution = TimeSpan.FromSeconds(1);

    public static void AtLeast(TimeSpan actual, TimeSpan bound, string what) =>
        Assert.True(actual >= bound, $"{what}: {actual.TotalSeconds:0.###} s, expected at least {bound.TotalSeconds} s");

    public static void AtMost(TimeSpan actual, TimeSpan bound, string what) =>
        Assert.True(actual <= bound, $"{what}: {actual.TotalSeconds:0.###} s, expected at most {bound.TotalSeconds} s");

    public static void Between(TimeSpan actual, TimeSpan low, TimeSpan high, string what)
    {
        AtLeast(actual, low, what);
        AtMost(actual, high, what);
    }

    public static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>A whole-second log time, <paramref name="low"/>..<paramref name="high"/> (+ε) after a precise instant.</summary>
    public static void LogAfter(DateTimeOffset logTime, DateTimeOffset reference, double low, double high, string what)
    {
        AtLeast(logTime + LogResolution - reference, Seconds(low), what + " (lower bound)");
        AtMost(logTime - reference, Seconds(high) + UpperSlack, what + " (upper bound)");
    }

    /// <summary>Two whole-second log times <paramref name="low"/>..<paramref name="high"/> (+ε) apart.</summary>
    public static void LogGap(DateTimeOffset first, DateTimeOffset second, double low, double high, string what)
    {
        AtLeast(second - first + LogResolution, Seconds(low), what + " (lower bound)");
        AtMost(second - first - LogResolution, Seconds(high) + UpperSlack, what + " (upper bound)");
    }
}
