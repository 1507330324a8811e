using System.Globalization;

namespace Tandem.Server.Tables;

/// <summary>
/// The age format of every kubectl AGE column (apimachinery <c>util/duration.HumanDuration</c>): precision drops
/// as the age grows, and up to 2 s of clock skew reads as "now".
/// </summary>
public static class HumanDuration
{
    public const string Unknown = "<unknown>";

    public static string Format(TimeSpan duration)
    {
        // Go truncates toward zero when it converts the duration to whole units.
        var seconds = (long)duration.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }
        if (seconds < 0)
        {
            return "0s";
        }
        if (seconds < 120)
        {
            return Text(seconds, "s");
        }
        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return Pair(minutes, "m", seconds % 60, "s");
        }
        if (minutes < 180)
        {
            return Text(minutes, "m");
        }
        var hours = seconds / 3600;
        if (hours < 8)
        {
            return Pair(hours, "h", minutes % 60, "m");
        }
        if (hours < 48)
        {
            return Text(hours, "h");
        }
        if (hours < 24 * 8)
        {
            return Pair(hours / 24, "d", hours % 24, "h");
        }
        if (hours < 24 * 365 * 2)
        {
            return Text(hours / 24, "d");
        }
        if (hours < 24 * 365 * 8)
        {
            return Pair(hours / 24 / 365, "y", hours / 24 % 365, "d");
        }
        return Text(hours / 24 / 365, "y");
    }

    /// <summary>The age of a timestamp as printers show it (<c>translateTimestampSince</c>); no timestamp is "&lt;unknown&gt;".</summary>
    public static string Since(DateTimeOffset? timestamp, DateTimeOffset now) =>
        timestamp is { } value && value != default ? Format(now - value) : Unknown;

    private static string Text(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + unit;

    private static string Pair(long major, string majorUnit, long minor, string minorUnit) =>
        minor == 0 ? Text(major, majorUnit) : Text(major, majorUnit) + Text(minor, minorUnit);
}
