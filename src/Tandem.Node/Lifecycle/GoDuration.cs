using System.Globalization;
using System.Text;

namespace Tandem.Node.Lifecycle;

/// <summary>
/// Formats a duration the way Go's <c>time.Duration.String</c> does, because the kubelet prints back-off
/// delays with it in <c>CrashLoopBackOff</c> messages (R20): <c>10s</c>, <c>1m20s</c>, <c>5m0s</c>, <c>1h0m0s</c>.
/// </summary>
public static class GoDuration
{
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }
        var builder = new StringBuilder();
        if (duration < TimeSpan.Zero)
        {
            builder.Append('-');
            duration = duration.Negate();
        }
        if (duration < TimeSpan.FromSeconds(1))
        {
            // Go switches to ms/µs below one second; back-off never gets here, keep it simple and exact.
            return builder.Append(Trim(duration.TotalMilliseconds)).Append("ms").ToString();
        }
        var hours = (long)duration.TotalHours;
        var seconds = duration.TotalSeconds - (hours * 3600) - (duration.Minutes * 60);
        if (hours > 0)
        {
            builder.Append(hours).Append('h');
        }
        if (hours > 0 || duration.Minutes > 0)
        {
            builder.Append(duration.Minutes).Append('m');
        }
        return builder.Append(Trim(seconds)).Append('s').ToString();
    }

    private static string Trim(double value) => Math.Round(value, 9).ToString("0.#########", CultureInfo.InvariantCulture);
}
