namespace Tandem.Model.Images;

/// <summary>
/// An image name split the way the container runtimes read it: <c>busybox</c> is
/// <c>docker.io/library/busybox:latest</c>; <c>localhost:5000/app@sha256:…</c> has a registry
/// with a port and a digest but no tag.
/// </summary>
public sealed record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    public const string DefaultRegistry = "docker.io";

    /// <summary>Reads an image name; returns null when it is empty or malformed.</summary>
    public static ImageReference? TryParse(string? image)
    {
        if (string.IsNullOrWhiteSpace(image) || image != image.Trim() || image.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }
        string? digest = null;
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = image;
        if (at >= 0)
        {
            digest = image[(at + 1)..];
            name = image[..at];
            if (!digest.Contains(':', StringComparison.Ordinal))
            {
                return null;
            }
        }
        string? tag = null;
        var lastSlash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
            if (tag.Length == 0)
            {
                return null;
            }
        }
        var registry = DefaultRegistry;
        var firstSlash = name.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash > 0)
        {
            var first = name[..firstSlash];
            // A first component is a registry host when it looks like one (docker's rule).
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                registry = first;
                name = name[(firstSlash + 1)..];
            }
        }
        if (name.Length == 0 || name.Split('/').Any(part => part.Length == 0))
        {
            return null;
        }
        if (registry == DefaultRegistry && !name.Contains('/', StringComparison.Ordinal))
        {
            name = "library/" + name;
        }
        return new ImageReference(registry, name, tag, digest);
    }

    /// <summary>The tag the kubelet acts on: <c>latest</c> when neither tag nor digest is given.</summary>
    public string? EffectiveTag => Tag ?? (Digest is null ? "latest" : null);

    public override string ToString() =>
        $"{Registry}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";
}
