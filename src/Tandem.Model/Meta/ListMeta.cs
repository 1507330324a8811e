namespace Tandem.Model.Meta;

/// <summary>Metadata of a list: where a watch or the next page continues.</summary>
public sealed record ListMeta
{
    public string? SelfLink { get; init; }

    public string? ResourceVersion { get; init; }

    public string? Continue { get; init; }

    public long? RemainingItemCount { get; init; }
}
