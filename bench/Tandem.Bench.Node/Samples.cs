using System.Globalization;

namespace Tandem.Bench.Node;

/// <summary>Latency samples in milliseconds with exact (nearest-rank) percentiles.</summary>
public sealed class Samples(string name)
{
    private readonly List<double> _values = [];

    public string Name => name;

    public int Count => _values.Count;

    public void Add(double milliseconds) => _values.Add(milliseconds);

    public double Percentile(double q)
    {
        var sorted = _values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Count} | {Percentile(0.5):F1} | {Percentile(0.99):F1} | {_values.Min():F1} | {_values.Max():F1} |");

    public const string Header = "| measure | runs | p50 ms | p99 ms | min ms | max ms |\n|---|---|---|---|---|---|";
}
