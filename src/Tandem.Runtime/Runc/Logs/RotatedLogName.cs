using System.Globalization;

namespace Tandem.Runtime.Runc.Logs;

/// <summary>
/// Names of rotated logs, as the kubelet's container log manager gives them:
/// <c>&lt;log&gt;.&lt;UTC time as 20060102-150405&gt;</c>, plus <c>.gz</c> once compressed. The kubelet
/// rotates at most every 10 s, so its names never collide; this writer rotates the moment the file
/// is full, so a second rotation within the same second gets <c>-1</c>, <c>-2</c>... appended.
/// Public because followers of a log (kubectl logs -f) walk the rotated files in this order.
/// </summary>
public static class RotatedLogName
{
    public const string CompressedSuffix = ".gz";
    public const string TemporarySuffix = ".tmp";
    private const string StampFormat = "yyyyMMdd-HHmmss";

    /// <summary>
    /// The next rotation of <paramref name="logPath"/> at <paramref name="now"/>: after every rotated
    /// file still present and after <paramref name="last"/>, the writer's own previous rotation. The
    /// latter matters because a directory listing taken while old files are being compressed may
    /// miss a file, and a name that sorted before it would put the files out of order; it also keeps
    /// the order when the clock steps back.
    /// </summary>
    internal static RotatedLog Next(string logPath, DateTimeOffset now, RotatedLog? last)
    {
        var stamp = now.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);
        if (last is { } previous && string.CompareOrdinal(previous.Stamp, stamp) > 0)
        {
            stamp = previous.Stamp;
        }
        var highest = last is { } own && own.Stamp == stamp ? own.Sequence : -1;
        foreach (var rotated in Parsed(logPath))
        {
            if (rotated.Stamp == stamp)
            {
                highest = Math.Max(highest, rotated.Sequence);
            }
        }
        var sequence = highest + 1;
        var path = sequence == 0 ? $"{logPath}.{stamp}" : $"{logPath}.{stamp}-{sequence.ToString(CultureInfo.InvariantCulture)}";
        return new RotatedLog(path, stamp, sequence, Compressed: false);
    }

    /// <summary>
    /// The rotated files of <paramref name="logPath"/>, compressed or not, oldest first. A file that
    /// is being compressed may be listed twice (plain and <c>.gz</c>) or, when the listing overlaps
    /// both the rename of the <c>.gz</c> and the removal of the plain file, not at all; a second
    /// listing cannot miss it again (<paramref name="twice"/>), as the <c>.gz</c> then exists throughout.
    /// </summary>
    public static List<RotatedLog> List(string logPath, bool twice = false)
    {
        var rotated = Parsed(logPath);
        if (twice)
        {
            rotated.AddRange(Parsed(logPath));
        }
        rotated.Sort();
        return rotated;
    }

    /// <summary>
    /// Reads <paramref name="file"/> as a rotated file of <paramref name="logPath"/> by its name alone
    /// (the directory may be spelt differently, through a symbolic link); false when it is not one
    /// (the log itself, a temporary file, anything else).
    /// </summary>
    public static bool TryParse(string logPath, string file, out RotatedLog rotated)
    {
        rotated = default;
        var prefix = Path.GetFileName(logPath) + ".";
        var name = Path.GetFileName(file);
        if (name.Length <= prefix.Length
            || !name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var suffix = name.AsSpan(prefix.Length);
        var compressed = suffix.EndsWith(CompressedSuffix, StringComparison.Ordinal);
        if (compressed)
        {
            suffix = suffix[..^CompressedSuffix.Length];
        }
        if (suffix.Length < StampFormat.Length
            || !DateTime.TryParseExact(suffix[..StampFormat.Length], StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }
        var rest = suffix[StampFormat.Length..];
        var sequence = 0;
        if (rest.Length > 0 && (rest[0] != '-' || !int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out sequence)))
        {
            return false;
        }
        rotated = new RotatedLog(file, suffix[..StampFormat.Length].ToString(), sequence, compressed);
        return true;
    }

    private static List<RotatedLog> Parsed(string logPath)
    {
        var directory = Path.GetDirectoryName(logPath)!;
        var rotated = new List<RotatedLog>();
        if (!Directory.Exists(directory))
        {
            return rotated;
        }
        foreach (var file in Directory.EnumerateFiles(directory, Path.GetFileName(logPath) + ".*"))
        {
            if (TryParse(logPath, file, out var parsed))
            {
                rotated.Add(parsed);
            }
        }
        return rotated;
    }
}
