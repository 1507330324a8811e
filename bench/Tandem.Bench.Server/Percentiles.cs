using System.Globalization;

namespace Tandem.Bench.Server;

/// <summary>Latency samples in milliseconds and their percentiles.</summary>
public sealed class Percentiles(string name)
{
    private readonly List<double> _samples = [];

    public void Add(double milliseconds) => _samples.Add(milliseconds);

    public double At(double quantile)
    {
        var sorted = _samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{name}: n={_samples.Count} p50={At(0.5):F3} ms p90={At(0.9):F3} ms p99={At(0.99):F3} ms max={_samples.Max():F3} ms");
}
