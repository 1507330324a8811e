using System.Text;
using System.Text.RegularExpressions;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Processing;

/// <summary>One drop or keep rule, compiled once.</summary>
public sealed class EventFilter(FilterConfig config)
{
    private readonly Regex _match = new(config.Match, RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>True when the event passes this filter.</summary>
    public bool Passes(LogEvent e)
    {
        var value = config.Field switch
        {
            "message" => Encoding.UTF8.GetString(e.Message),
            "source" => e.Source,
            "stream" => e.Stream,
            _ => e.Fields?.FirstOrDefault(f => f.Name == config.Field) is { Name: not null } field ? field.AsText() : null,
        };
        var matches = value is not null && _match.IsMatch(value);
        return config.Action == FilterAction.Keep ? matches : !matches;
    }
}
