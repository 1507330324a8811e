namespace Tandem.Bench.LogShipper;

/// <summary>Replaces one "## " section of a markdown file, leaving the others (other benchmarks) alone.</summary>
public static class MarkdownSection
{
    public static void Replace(string file, string heading, string content)
    {
        var text = File.ReadAllText(file);
        var start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            File.WriteAllText(file, text.TrimEnd() + "\n\n" + content.TrimEnd() + "\n");
            return;
        }
        var next = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        var rest = next < 0 ? "" : text[(next + 1)..];
        File.WriteAllText(file, text[..start] + content.TrimEnd() + "\n" + (rest.Length > 0 ? "\n" + rest : ""));
    }
}
