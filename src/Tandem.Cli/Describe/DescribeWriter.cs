using System.Globalization;
using Tandem.Cli.Printing;

namespace Tandem.Cli.Describe;

/// <summary>
/// kubectl describe's <c>PrefixWriter</c> over a tabwriter (min width 0, padding 2): each level indents by two
/// spaces and tab-separated cells line up across the whole block, which is what gives describe its look.
/// </summary>
public sealed class DescribeWriter(TextWriter output)
{
    private readonly TabAligner _aligner = new(output, minWidth: 0, padding: 2);

    public void Write(int level, string text) => _aligner.Write(new string(' ', level * 2) + text);

    public void Line(int level, string text) => Write(level, text + "\n");

    /// <summary>Ends the current alignment block (kubectl flushes before the events table).</summary>
    public void Flush() => _aligner.Flush();

    /// <summary>kubectl's time.RFC1123Z in the local zone: <c>Mon, 02 Jan 2006 15:04:05 -0700</c>.</summary>
    public static string Time(DateTimeOffset? time)
    {
        var local = (time ?? DateTimeOffset.UnixEpoch).ToLocalTime();
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return local.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + $"{sign}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}";
    }

    public static string Bool(bool value) => value ? "True" : "False";

    /// <summary>A title and a map as kubectl's printLabelsMultiline prints it: the first entry beside the title, the rest below, sorted.</summary>
    public void Map(int level, string title, IReadOnlyDictionary<string, string>? map, string separator, Func<string, bool>? skip = null)
    {
        var entries = (map ?? new Dictionary<string, string>())
            .Where(p => skip is null || !skip(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Truncate($"{p.Key}{separator}{p.Value}"))
            .ToList();
        MultiLine(level, title, entries);
    }

    /// <summary><c>Title:\tfirst</c>, then <c>\tnext</c> for each further value, or <c>Title:\t&lt;none&gt;</c>.</summary>
    public void MultiLine(int level, string title, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            Line(level, $"{title}:\t<none>");
            return;
        }
        Line(level, $"{title}:\t{values[0]}");
        foreach (var value in values.Skip(1))
        {
            Line(level, $"\t{value}");
        }
    }

    // kubectl cuts long annotations (maxAnnotationLen = 140) so one JSON blob does not fill the screen.
    private static string Truncate(string text) => text.Length > 140 ? text[..140] + "..." : text;
}
