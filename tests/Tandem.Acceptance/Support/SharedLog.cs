using System.Globalization;

namespace Tandem.Acceptance.Support;

/// <summary>
/// The scenarios' <c>/shared/log</c>: lines "&lt;epoch-s&gt; &lt;NAME&gt; &lt;Event&gt;" in append order, and the predicates of the
/// spec's section 3.0 (the semantics of upstream's <c>containerOutputList</c>). Line order is authoritative; the times
/// have one-second resolution.
/// </summary>
public sealed class SharedLog
{
    private readonly List<SharedLogLine> _lines;

    public SharedLog(IEnumerable<SharedLogLine> lines) => _lines = [.. lines];

    public IReadOnlyList<SharedLogLine> Lines => _lines;

    public static SharedLog Parse(string text)
    {
        var lines = new List<SharedLogLine>();
        foreach (var raw in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split(' ', 3);
            if (parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                lines.Add(new SharedLogLine(DateTimeOffset.FromUnixTimeSeconds(seconds), parts[1], parts[2]));
            }
        }
        return new SharedLog(lines);
    }

    public static SharedLog Read(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : new SharedLog([]);

    /// <summary>There is a line "X Started".</summary>
    public bool Starts(string name) => IndexOf(name, "Started") >= 0;

    public bool DoesntStart(string name) => !Starts(name);

    /// <summary>There is a line "X Exiting".</summary>
    public bool Exits(string name) => IndexOf(name, "Exiting") >= 0;

    /// <summary>The first "A Started" is followed later by some "B Starting".</summary>
    public bool StartsBefore(string a, string b) => FollowedBy(IndexOf(a, "Started"), b, "Starting");

    /// <summary>The first "A Exiting" is followed later by some "B Exiting".</summary>
    public bool ExitsBefore(string a, string b) => FollowedBy(IndexOf(a, "Exiting"), b, "Exiting");

    /// <summary>"A Started" &lt; "B Started" &lt; "A Exiting", and "A Started" &lt; "B Exiting" (first occurrences; a missing exit counts as never).</summary>
    public bool RunTogether(string a, string b)
    {
        var aStarted = IndexOf(a, "Started");
        var bStarted = IndexOf(b, "Started");
        if (aStarted < 0 || bStarted < 0 || bStarted < aStarted)
        {
            return false;
        }
        var aExiting = IndexOf(a, "Exiting");
        var bExiting = IndexOf(b, "Exiting");
        return (aExiting < 0 || bStarted < aExiting) && (bExiting < 0 || aStarted < bExiting);
    }

    /// <summary>At least two lines "X Starting".</summary>
    public bool HasRestarted(string name) => Count(name, "Starting") >= 2;

    /// <summary>Exactly one line "X Starting".</summary>
    public bool HasNotRestarted(string name) => Count(name, "Starting") == 1;

    public int Count(string name, string @event) => _lines.Count(l => l.Name == name && l.Event == @event);

    /// <summary>The times of every "X Event" line, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Times(string name, string @event) =>
        [.. _lines.Where(l => l.Name == name && l.Event == @event).Select(l => l.At)];

    public DateTimeOffset First(string name, string @event) =>
        Times(name, @event) is [var first, ..] ? first : throw new InvalidOperationException($"no line \"{name} {@event}\" in the log:\n{this}");

    public DateTimeOffset Last(string name, string @event) =>
        Times(name, @event) is [.., var last] ? last : throw new InvalidOperationException($"no line \"{name} {@event}\" in the log:\n{this}");

    public override string ToString() => string.Join('\n', _lines.Select(l => $"{l.At.ToUnixTimeSeconds()} {l.Name} {l.Event}"));

    private int IndexOf(string name, string @event) => _lines.FindIndex(l => l.Name == name && l.Event == @event);

    private bool FollowedBy(int index, string name, string @event) =>
        index >= 0 && _lines.Skip(index + 1).Any(l => l.Name == name && l.Event == @event);
}
