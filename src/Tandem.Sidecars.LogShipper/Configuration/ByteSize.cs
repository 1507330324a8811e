using System.Globalization;

namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>A size in bytes written the way people write it in YAML: <c>256KiB</c>, <c>16MiB</c>, <c>1000</c>.</summary>
public readonly record struct ByteSize(long Bytes)
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1000), ("MB", 1000_000), ("GB", 1000_000_000), ("B", 1),
    ];

    public static bool TryParse(string text, out ByteSize size)
    {
        text = text.Trim();
        foreach (var (suffix, factor) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                var ok = long.TryParse(text[..^suffix.Length].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n);
                size = new ByteSize(ok ? n * factor : 0);
                return ok;
            }
        }
        var plain = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes);
        size = new ByteSize(bytes);
        return plain;
    }

    public override string ToString() => Bytes.ToString(CultureInfo.InvariantCulture);
}
