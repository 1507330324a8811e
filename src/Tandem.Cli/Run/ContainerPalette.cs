using System.Text;

namespace Tandem.Cli.Run;

/// <summary>
/// Gives each container its own ANSI colour: the colour its name hashes to (FNV-1a, so the same
/// container gets the same colour on every run), or the next one not yet taken when that one is,
/// so containers stay distinct until the palette runs out. Red is left out: it reads as an error.
/// </summary>
internal sealed class ContainerPalette
{
    private static readonly string[] Colors =
    [
        "\u001b[36m", "\u001b[33m", "\u001b[32m", "\u001b[35m", "\u001b[34m",
        "\u001b[96m", "\u001b[93m", "\u001b[92m", "\u001b[95m", "\u001b[94m",
    ];

    private readonly Dictionary<string, string> _assigned = new(StringComparer.Ordinal);
    private readonly HashSet<int> _taken = [];

    /// <summary>The colour of <paramref name="key"/>; callers serialise access.</summary>
    public string ColorOf(string key)
    {
        if (_assigned.TryGetValue(key, out var color))
        {
            return color;
        }
        var preferred = (int)(Fnv1a(key) % (uint)Colors.Length);
        var index = preferred;
        for (var i = 0; i < Colors.Length && _taken.Contains(index); i++)
        {
            index = (preferred + i + 1) % Colors.Length;
        }
        if (_taken.Count < Colors.Length)
        {
            _taken.Add(index);
        }
        else
        {
            // More containers than colours: share the hashed one.
            index = preferred;
        }
        color = Colors[index];
        _assigned.Add(key, color);
        return color;
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return hash;
    }
}
