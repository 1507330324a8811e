using System.Globalization;

namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>Parses durations as Kubernetes and Go tools write them: <c>250ms</c>, <c>5s</c>, <c>2m</c>, <c>1h</c>.</summary>
public static class Duration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim();
        (string Suffix, double Ms)[] units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];
        foreach (var (suffix, ms) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            {
                value = TimeSpan.FromMilliseconds(n * ms);
                return true;
            }
        }
        value = default;
        return false;
    }
}
