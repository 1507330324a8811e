namespace Tandem.Cli.Images;

/// <summary>The <c>tandem image ls</c> table: left-aligned columns three spaces apart, like <c>crictl images</c>.</summary>
public static class ImageTableWriter
{
    private static readonly string[] Headers = ["IMAGE", "TAG", "IMAGE ID", "SIZE"];

    public static void Write(IReadOnlyList<ImageRow> rows, TextWriter output)
    {
        var cells = rows.Select(r => new[] { r.Image, r.Tag, r.ShortId, ByteSize.Format(r.SizeBytes) }).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(column => cells.Max(c => c[column].Length)).ToArray();
        foreach (var line in cells)
        {
            var padded = line.Select((cell, column) => column == line.Length - 1 ? cell : cell.PadRight(widths[column]));
            output.WriteLine(string.Join("   ", padded));
        }
    }
}
