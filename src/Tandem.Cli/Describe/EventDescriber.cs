using Tandem.Model.CoreV1;
using Tandem.Server.Tables;

namespace Tandem.Cli.Describe;

/// <summary>
/// The <c>Events:</c> table at the end of every describe (kubectl <c>DescribeEvents</c>): oldest first by last
/// time, with <c>Age</c> as <c>5s</c> or <c>5s (x3 over 2m)</c> for repeated events.
/// </summary>
public static class EventDescriber
{
    public static void Describe(DescribeWriter w, IReadOnlyList<Event>? events, DateTimeOffset now)
    {
        if (events is not { Count: > 0 })
        {
            w.Line(0, "Events:\t<none>");
            return;
        }
        // The events table aligns on its own, not with the fields above it.
        w.Flush();
        w.Line(0, "Events:");
        w.Line(1, "Type\tReason\tAge\tFrom\tMessage");
        w.Line(1, "----\t------\t----\t----\t-------");
        foreach (var e in events.OrderBy(LastSeen))
        {
            var interval = Interval(e, now);
            var source = string.IsNullOrEmpty(e.Source?.Component) ? e.ReportingComponent : e.Source.Component;
            w.Line(1, $"{e.Type}\t{e.Reason}\t{interval}\t{source}\t{e.Message?.Trim()}");
        }
    }

    /// <summary>kubectl's event age: since first seen, or <c>5s (x3 over 2m)</c> for an event seen several times.</summary>
    public static string Interval(Event e, DateTimeOffset now)
    {
        var first = e.EventTime is { } eventTime ? HumanDuration.Since(eventTime.Value, now) : HumanDuration.Since(e.FirstTimestamp, now);
        return e.Series is { } series
            ? $"{HumanDuration.Since(series.LastObservedTime?.Value, now)} (x{series.Count} over {first})"
            : e.Count > 1 ? $"{HumanDuration.Since(e.LastTimestamp, now)} (x{e.Count} over {first})" : first;
    }

    /// <summary>When an event was last seen: lastTimestamp, else the series' or the event time, else first seen.</summary>
    public static DateTimeOffset LastSeen(Event e) =>
        e.LastTimestamp ?? e.Series?.LastObservedTime?.Value ?? e.EventTime?.Value ?? e.FirstTimestamp ?? e.Metadata?.CreationTimestamp ?? DateTimeOffset.MinValue;
}
