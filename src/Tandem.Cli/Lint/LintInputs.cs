namespace Tandem.Cli.Lint;

/// <summary>
/// Turns the command-line arguments into the list of manifests to read: files as given,
/// directories expanded to every <c>.yaml</c>, <c>.yml</c> and <c>.json</c> file inside
/// (recursively, sorted, so output is stable), and <c>-</c> for standard input.
/// </summary>
public static class LintInputs
{
    public const string StandardInput = "-";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>The paths to read, in order, without duplicates; a missing path is kept so that reading it reports it.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments)
    {
        var paths = new List<string>();
        foreach (var argument in arguments)
        {
            if (argument != StandardInput && Directory.Exists(argument))
            {
                paths.AddRange(Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories)
                    .Where(IsManifest)
                    .Select(p => Path.GetRelativePath(argument, p))
                    .Order(StringComparer.Ordinal)
                    .Select(relative => Path.Join(argument, relative)));
                continue;
            }
            paths.Add(argument);
        }
        return paths.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The directories among the arguments that hold no manifest at all (likely a wrong path).</summary>
    public static IEnumerable<string> EmptyDirectories(IEnumerable<string> arguments) =>
        arguments.Where(a => a != StandardInput && Directory.Exists(a)
            && !Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories).Any(IsManifest));

    private static bool IsManifest(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
