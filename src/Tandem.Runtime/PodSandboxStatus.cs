namespace Tandem.Runtime;

/// <summary>What the runtime knows of a sandbox.</summary>
public sealed record PodSandboxStatus
{
    public required string Id { get; init; }

    public required PodSandboxConfig Config { get; init; }

    public bool Ready { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The pod's address inside its network namespace (loopback only for now).</summary>
    public string? Ip { get; init; }

    /// <summary>Path of the network namespace (<c>/run/netns/…</c>), for exec and port-forward.</summary>
    public string? NetworkNamespacePath { get; init; }
}
