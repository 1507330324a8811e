using System.Text.RegularExpressions;

namespace Tandem.Model.Lint.Heuristics;

/// <summary>
/// Finds evidence that one container talks to another of the same pod: it names
/// <c>localhost:PORT</c> (or 127.0.0.1, [::1]) for a port the other declares, or a Unix socket on a
/// volume both mount. Only literal text counts (command, args, env values), so a finding always
/// quotes what it saw.
/// </summary>
public static partial class SidecarDependency
{
    /// <summary>The first piece of evidence that <paramref name="consumer"/> uses <paramref name="provider"/>, or null.</summary>
    public static string? Find(PodContainer consumer, PodContainer provider)
    {
        var ports = provider.DeclaredPorts().Select(p => p.Number).ToHashSet();
        var texts = ContainerText.Of(consumer);
        foreach (var text in texts)
        {
            foreach (Match match in LoopbackAddress().Matches(text.Text))
            {
                if (int.TryParse(match.Groups["port"].ValueSpan, out var port) && ports.Contains(port))
                {
                    return $"{consumer.Describe()} connects to {match.Value} ({text.Label})";
                }
            }
        }
        foreach (var text in texts)
        {
            foreach (Match match in SocketPath().Matches(text.Text))
            {
                var socket = "/" + match.Groups["path"].Value.TrimStart('/');
                if (SharedVolumeOf(consumer, provider, socket) is { } volume)
                {
                    return $"{consumer.Describe()} uses the socket {socket} on volume \"{volume}\" ({text.Label})";
                }
            }
        }
        return null;
    }

    /// <summary>The volume both containers mount that holds <paramref name="path"/> in the consumer, if any.</summary>
    private static string? SharedVolumeOf(PodContainer consumer, PodContainer provider, string path)
    {
        foreach (var mount in consumer.Container.VolumeMounts ?? [])
        {
            var at = mount.MountPath?.TrimEnd('/');
            if (at is null || mount.Name is null || !path.StartsWith(at + "/", StringComparison.Ordinal))
            {
                continue;
            }
            if ((provider.Container.VolumeMounts ?? []).Any(m => m.Name == mount.Name))
            {
                return mount.Name;
            }
        }
        return null;
    }

    [GeneratedRegex(@"(?:localhost|127\.0\.0\.1|\[::1\]):(?<port>\d{1,5})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LoopbackAddress();

    [GeneratedRegex(@"(?<path>/[A-Za-z0-9_.\-/]*\.sock)(?![A-Za-z0-9_\-])", RegexOptions.CultureInvariant)]
    private static partial Regex SocketPath();
}
