namespace Tandem.Runtime;

/// <summary>A local image: its names, its id (config digest) and what it says to run.</summary>
public sealed record ImageInfo
{
    /// <summary>The image id: the digest of its config (<c>sha256:…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Fully qualified names that point at it (<c>docker.io/library/busybox:1.36</c>).</summary>
    public IReadOnlyList<string> RepoTags { get; init; } = [];

    /// <summary>Manifest digests it was pulled by (<c>docker.io/library/busybox@sha256:…</c>).</summary>
    public IReadOnlyList<string> RepoDigests { get; init; } = [];

    public long SizeBytes { get; init; }

    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    public IReadOnlyList<string> Cmd { get; init; } = [];

    public IReadOnlyList<string> Env { get; init; } = [];

    public string? WorkingDir { get; init; }

    public string? User { get; init; }

    /// <summary>The image's STOPSIGNAL, e.g. <c>SIGQUIT</c>; null means SIGTERM.</summary>
    public string? StopSignal { get; init; }
}
