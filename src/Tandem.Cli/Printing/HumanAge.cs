namespace Tandem.Cli.Printing;

/// <summary>Ages the way kubectl prints them (apimachinery <c>duration.HumanDuration</c>, spec §7).</summary>
public static class HumanAge
{
    public static string Since(DateTimeOffset? time, DateTimeOffset now)
    {
        if (time is null || time.Value == default)
        {
            return "<unknown>";
        }
        return Format(now - time.Value);
    }

    public static string Format(TimeSpan d)
    {
        // A time slightly in the future (clock skew) is "0s"; further than a second ahead it is invalid.
        if (d.TotalSeconds < -1)
        {
            return "<invalid>";
        }
        if (d < TimeSpan.Zero)
        {
            return "0s";
        }
        var seconds = (long)d.TotalSeconds;
        if (seconds < 120)
        {
            return $"{seconds}s";
        }
        var minutes = (long)d.TotalMinutes;
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? $"{minutes}m" : $"{minutes}m{s}s";
        }
        if (minutes < 180)
        {
            return $"{minutes}m";
        }
        var hours = (long)d.TotalHours;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? $"{hours}h" : $"{hours}h{m}m";
        }
        if (hours < 48)
        {
            return $"{hours}h";
        }
        if (hours < 192)
        {
            var h = hours % 24;
            return h == 0 ? $"{hours / 24}d" : $"{hours / 24}d{h}h";
        }
        if (hours < 24 * 365 * 2)
        {
            return $"{hours / 24}d";
        }
        if (hours < 24 * 365 * 8)
        {
            var dy = hours / 24 % 365;
            return dy == 0 ? $"{hours / 24 / 365}y" : $"{hours / 24 / 365}y{dy}d";
        }
        return $"{hours / 24 / 365}y";
    }
}
