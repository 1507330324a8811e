namespace Tandem.Runtime.Images;

/// <summary>What the store keeps per image (<c>images/&lt;id&gt;/image.json</c>): the public info and the OCI layout tags that keep its blobs alive.</summary>
internal sealed record ImageRecord
{
    public required ImageInfo Info { get; init; }

    public IReadOnlyList<string> LayoutTags { get; init; } = [];
}
