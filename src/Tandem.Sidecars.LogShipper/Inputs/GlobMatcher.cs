using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>Expands absolute include globs minus exclude globs to the files that exist now.</summary>
public sealed class GlobMatcher
{
    private readonly List<(string Root, Matcher Matcher)> _roots = [];

    public GlobMatcher(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        foreach (var group in include.Select(Split).GroupBy(p => p.Root))
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            foreach (var (_, pattern) in group)
            {
                matcher.AddInclude(pattern);
            }
            foreach (var ex in exclude.Select(Split).Where(e => e.Root == group.Key || e.Root.StartsWith(group.Key + "/", StringComparison.Ordinal)))
            {
                matcher.AddExclude(Path.GetRelativePath(group.Key, Path.Combine(ex.Root, ex.Pattern)));
            }
            _roots.Add((group.Key, matcher));
        }
    }

    public IEnumerable<string> Expand()
    {
        foreach (var (root, matcher) in _roots)
        {
            if (!Directory.Exists(root))
            {
                continue;
            }
            PatternMatchingResult result;
            try
            {
                result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var file in result.Files)
            {
                yield return Path.GetFullPath(Path.Combine(root, file.Path));
            }
        }
    }

    /// <summary>The directory part before the first wildcard, and the rest as a relative pattern.</summary>
    private static (string Root, string Pattern) Split(string glob)
    {
        var parts = glob.Split('/');
        var firstWild = Array.FindIndex(parts, p => p.IndexOfAny(['*', '?', '[']) >= 0);
        if (firstWild < 0)
        {
            firstWild = parts.Length - 1;
        }
        var root = string.Join('/', parts[..firstWild]);
        return (root.Length == 0 ? "/" : root, string.Join('/', parts[firstWild..]));
    }
}
