using System.Globalization;

namespace Tandem.Runtime.Runc.Logs;

/// <summary>
/// Names of rotated logs, as the kubelet's container log manager gives them:
/// <c>&lt;log&gt;.&lt;UTC time as 20060102-150405&gt;</c>, plus <c>.gz</c> once compressed. The kubelet
/// rotates at most every 10 s, so its names never collide; this writer rotates the moment the file
/// is full, so a second rotation within the same second gets <c>-1</c>, <c>-2</c>... appended.
/// </summary>
internal static class RotatedLogName
{
    public const string CompressedSuffix = ".gz";
    public const string TemporarySuffix = ".tmp";
    private const string StampFormat = "yyyyMMdd-HHmmss";

    /// <summary>
    /// A name for the log rotated at <paramref name="now"/> that sorts after every rotated file of
    /// that second still present (after the highest sequence, not into a gap cleanup left).
    /// </summary>
    public static string Next(string logPath, DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);
        var stem = $"{logPath}.{stamp}";
        var highest = -1;
        foreach (var (_, existingStamp, sequence) in Parsed(logPath))
        {
            if (existingStamp == stamp)
            {
                highest = Math.Max(highest, sequence);
            }
        }
        return highest < 0 ? stem : $"{stem}-{(highest + 1).ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The rotated files of <paramref name="logPath"/>, compressed or not, oldest first.</summary>
    public static List<string> List(string logPath)
    {
        var rotated = Parsed(logPath);
        rotated.Sort((a, b) => string.CompareOrdinal(a.Stamp, b.Stamp) is var byStamp and not 0 ? byStamp : a.Sequence.CompareTo(b.Sequence));
        return rotated.ConvertAll(r => r.Path);
    }

    private static List<(string Path, string Stamp, int Sequence)> Parsed(string logPath)
    {
        var directory = Path.GetDirectoryName(logPath)!;
        var prefix = Path.GetFileName(logPath) + ".";
        var rotated = new List<(string Path, string Stamp, int Sequence)>();
        if (!Directory.Exists(directory))
        {
            return rotated;
        }
        foreach (var file in Directory.EnumerateFiles(directory, prefix + "*"))
        {
            // The pattern also matches the log itself ("0.log" for "0.log.*"), which is not rotated.
            var name = Path.GetFileName(file);
            if (name.Length > prefix.Length && TryParse(name.AsSpan(prefix.Length), out var stamp, out var sequence))
            {
                rotated.Add((file, stamp, sequence));
            }
        }
        return rotated;
    }

    private static bool TryParse(ReadOnlySpan<char> suffix, out string stamp, out int sequence)
    {
        stamp = "";
        sequence = 0;
        if (suffix.EndsWith(CompressedSuffix, StringComparison.Ordinal))
        {
            suffix = suffix[..^CompressedSuffix.Length];
        }
        if (suffix.Length < StampFormat.Length
            || !DateTime.TryParseExact(suffix[..StampFormat.Length], StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }
        var rest = suffix[StampFormat.Length..];
        if (rest.Length > 0 && (rest[0] != '-' || !int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out sequence)))
        {
            return false;
        }
        stamp = suffix[..StampFormat.Length].ToString();
        return true;
    }
}
