using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>Expands absolute include globs minus exclude globs to the files that exist now.</summary>
public sealed class GlobMatcher
{
    private readonly List<(string Root, Matcher Matcher, bool Recursive)> _roots = [];
    private readonly Dictionary<string, (long Modified, List<string> Files)> _cache = [];

    private readonly TimeProvider _time;

    public GlobMatcher(IReadOnlyList<string> include, IReadOnlyList<string> exclude, TimeProvider time)
    {
        _time = time;
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
            _roots.Add((group.Key, matcher, group.Any(p => p.Pattern.Contains("**", StringComparison.Ordinal) || p.Pattern.Contains('/'))));
        }
    }

    /// <summary>The directories the globs start in, and whether they reach into subdirectories.</summary>
    public IReadOnlyList<(string Root, bool Recursive)> Roots => [.. _roots.Select(r => (r.Root, r.Recursive))];

    public IEnumerable<string> Expand()
    {
        foreach (var (root, matcher, recursive) in _roots)
        {
            if (!Directory.Exists(root))
            {
                continue;
            }
            // A directory whose entries did not change keeps its modification time: reuse the last
            // listing, which keeps 100 quiet files cheap. Only for a single directory (no "**"),
            // and only once that time is a second old, because it is kept in coarse clock ticks.
            var modified = recursive ? 0 : FileStat.Modified(root);
            if (modified != 0 && _cache.TryGetValue(root, out var cached) && cached.Modified == modified
                && (_time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000) - modified > 1_000_000_000)
            {
                foreach (var file in cached.Files)
                {
                    yield return file;
                }
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
            var files = result.Files.Select(f => Path.GetFullPath(Path.Combine(root, f.Path))).ToList();
            if (modified != 0)
            {
                _cache[root] = (modified, files);
            }
            foreach (var file in files)
            {
                yield return file;
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
