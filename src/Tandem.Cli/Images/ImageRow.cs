using Tandem.Runtime;

namespace Tandem.Cli.Images;

/// <summary>
/// One line of <c>tandem image ls</c>: one per name an image has, as <c>crictl images</c> lists
/// them; an image known only by digest shows <c>&lt;none&gt;</c> as its tag.
/// </summary>
public sealed record ImageRow(string Image, string Tag, string ShortId, long SizeBytes)
{
    public const string None = "<none>";

    public static IReadOnlyList<ImageRow> From(IEnumerable<ImageInfo> images) =>
        [.. images.SelectMany(RowsOf).OrderBy(r => r.Image, StringComparer.Ordinal).ThenBy(r => r.Tag, StringComparer.Ordinal).ThenBy(r => r.ShortId, StringComparer.Ordinal)];

    /// <summary>The first 12 hex digits of an image id, as docker and crictl show it.</summary>
    public static string Shorten(string imageId)
    {
        var hex = imageId.StartsWith("sha256:", StringComparison.Ordinal) ? imageId["sha256:".Length..] : imageId;
        return hex.Length > 12 ? hex[..12] : hex;
    }

    private static IEnumerable<ImageRow> RowsOf(ImageInfo image)
    {
        var id = Shorten(image.Id);
        if (image.RepoTags.Count > 0)
        {
            return image.RepoTags.Select(SplitTag).Select(name => new ImageRow(name.Repository, name.Tag, id, image.SizeBytes));
        }
        var byDigest = image.RepoDigests.Select(d => d.Split('@')[0]).Distinct().ToList();
        return byDigest.Count > 0
            ? byDigest.Select(repository => new ImageRow(repository, None, id, image.SizeBytes))
            : [new ImageRow(None, None, id, image.SizeBytes)];
    }

    /// <summary>Splits <c>registry:5000/repo:tag</c> at the colon after the last slash (a registry port is not a tag).</summary>
    private static (string Repository, string Tag) SplitTag(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? (name[..colon], name[(colon + 1)..]) : (name, None);
    }
}
