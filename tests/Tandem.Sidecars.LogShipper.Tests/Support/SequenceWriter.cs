using System.Globalization;
using System.Text;

namespace Tandem.Sidecars.LogShipper.Tests.Support;

/// <summary>Writes unique, sequence-numbered lines (like Vector's verifiable logger) and remembers every id written.</summary>
public sealed class SequenceWriter(string prefix, int padding = 40)
{
    private readonly string _padding = new('x', padding);
    private readonly List<string> _written = [];
    private int _next;

    public IReadOnlyList<string> Written => _written;

    public string NextLine()
    {
        var id = $"{prefix}-{_next++.ToString("D6", CultureInfo.InvariantCulture)}";
        _written.Add(id);
        return $"id={id} {_padding}";
    }

    /// <summary>Appends <paramref name="count"/> lines to <paramref name="path"/> with one write each, as an app would.</summary>
    public void Append(string path, int count)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        for (var i = 0; i < count; i++)
        {
            file.Write(Encoding.UTF8.GetBytes(NextLine() + "\n"));
        }
    }

    /// <summary>The id in a received message, or null.</summary>
    public static string? IdOf(string message)
    {
        var start = message.IndexOf("id=", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        var end = message.IndexOf(' ', start);
        return end < 0 ? message[(start + 3)..] : message[(start + 3)..end];
    }
}
