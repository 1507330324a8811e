namespace Tandem.Model.Sources;

/// <summary>
/// Limits that keep <see cref="ManifestReader"/> bounded in time and memory whatever it is fed.
/// The defaults are far above any real manifest (the API server itself refuses objects over
/// about 1.5 MiB) and far below what would hurt the process reading it.
/// </summary>
public sealed record ManifestReaderOptions
{
    /// <summary>The defaults below.</summary>
    public static ManifestReaderOptions Default { get; } = new();

    /// <summary>Largest file or stream read, in bytes; a file is measured before it is read. Default 16 MiB.</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists, counting the document itself as 1. Default 128.</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>
    /// Most values (scalars, mappings, lists) produced from one file after aliases and merge keys
    /// are expanded. This is what stops alias bombs ("billion laughs", CVE-2019-11253). Default 1,000,000.
    /// </summary>
    public long MaxNodes { get; init; } = 1_000_000;

    /// <summary>Most alias uses (<c>*name</c>) in one file. Default 10,000.</summary>
    public int MaxAliases { get; init; } = 10_000;

    /// <summary>Longest mapping key, in characters. Default 8,192 (Kubernetes keys stop at 317).</summary>
    public int MaxKeyLength { get; init; } = 8 * 1024;

    /// <summary>Longest scalar value, in characters. Default 4 MiB (a ConfigMap holds at most 1 MiB).</summary>
    public int MaxScalarLength { get; init; } = 4 * 1024 * 1024;
}
