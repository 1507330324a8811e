using System.Diagnostics.Metrics;
using System.Text;

namespace Tandem.Sidecars.Admin;

/// <summary>Turns OpenTelemetry-style instrument names into Prometheus metric names and escapes text.</summary>
internal static class PrometheusNames
{
    public static string For(Instrument instrument, MetricKind kind)
    {
        var name = Sanitize(instrument.Name);
        var unitSuffix = instrument.Unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "By" => "_bytes",
            _ => "",
        };
        if (unitSuffix.Length > 0 && !name.EndsWith(unitSuffix, StringComparison.Ordinal))
        {
            name += unitSuffix;
        }
        // Prometheus counters end in _total; the exposition format requires it for OpenMetrics readers.
        if (kind is MetricKind.Counter or MetricKind.ObservedCounter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }
        return name;
    }

    /// <summary>Any character outside <c>[a-zA-Z0-9_:]</c> becomes <c>_</c>, and a leading digit gets a <c>_</c>.</summary>
    public static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }
        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, '_');
        }
        return text.ToString();
    }

    public static void AppendEscapedLabelValue(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append("\\\\"),
                '"' => text.Append("\\\""),
                '\n' => text.Append("\\n"),
                _ => text.Append(c),
            };
        }
    }

    public static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
