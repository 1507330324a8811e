using System.Globalization;

namespace Tandem.Sidecars.LogShipper.Processing;

/// <summary>Reads an event time in the configured format: rfc3339, unix (seconds), unixMs, or a .NET custom format.</summary>
public sealed class TimestampParser(string format)
{
    public static bool IsKnownFormat(string format)
    {
        if (format is "rfc3339" or "unix" or "unixMs")
        {
            return true;
        }
        try
        {
            _ = DateTimeOffset.UnixEpoch.ToString(format, CultureInfo.InvariantCulture);
            return format.Length > 1;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public bool TryParse(string text, out DateTimeOffset time)
    {
        switch (format)
        {
            case "rfc3339":
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)
                    || Inputs.CriDecoder.TryParseTime(System.Text.Encoding.UTF8.GetBytes(text), out time);
            case "unix":
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    time = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
                    return true;
                }
                break;
            case "unixMs":
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                {
                    time = DateTimeOffset.UnixEpoch.AddTicks((long)(ms * TimeSpan.TicksPerMillisecond));
                    return true;
                }
                break;
            default:
                return DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
        }
        time = default;
        return false;
    }
}
