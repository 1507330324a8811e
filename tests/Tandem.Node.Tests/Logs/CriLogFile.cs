using System.Globalization;
using System.Text;

namespace Tandem.Node.Tests.Logs;

/// <summary>Writes CRI log records to a file the way a runtime appends them, for the reader tests.</summary>
internal sealed class CriLogFile(string path)
{
    public static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public string Path { get; } = path;

    public static string Record(int second, string stream, char tag, string text) =>
        $"{Start.AddSeconds(second).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture)}00Z {stream} {tag} {text}\n";

    public void Append(params string[] records)
    {
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        file.Write(Encoding.UTF8.GetBytes(string.Concat(records)));
    }

    public void AppendLines(int from, int count, string stream = "stdout") =>
        Append([.. Enumerable.Range(from, count).Select(i => Record(i, stream, 'F', Line(i)))]);

    public static string Line(int i) => $"line {i.ToString(CultureInfo.InvariantCulture)}";
}
