using System.Globalization;

namespace Tandem.Node.Logs;

/// <summary>
/// The timestamp kubelet puts before a line for <c>timestamps=true</c>: RFC 3339 with exactly nine
/// fraction digits (<c>timeFormatOut</c> in kubelet's <c>kuberuntime/logs/logs.go</c>), then a space.
/// </summary>
public static class LogTimestampFormat
{
    /// <summary><c>2026-01-02T03:04:05.123456789Z </c></summary>
    public const int PrefixLength = 31;

    /// <summary>Writes the prefix (with its trailing space) into <paramref name="destination"/>, which must hold <see cref="PrefixLength"/> bytes.</summary>
    public static int Write(DateTimeOffset timestamp, Span<byte> destination)
    {
        // DateTime holds 100 ns ticks: seven digits, then the two digits below the clock's resolution.
        timestamp.UtcDateTime.TryFormat(destination, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'00Z '", CultureInfo.InvariantCulture);
        return written;
    }
}
