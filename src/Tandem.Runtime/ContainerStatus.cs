namespace Tandem.Runtime;

/// <summary>What the runtime knows of one container (CRI <c>ContainerStatus</c>).</summary>
public sealed record ContainerStatus
{
    public required string Id { get; init; }

    public required string SandboxId { get; init; }

    public required string Name { get; init; }

    public int Attempt { get; init; }

    public ContainerState State { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int? ExitCode { get; init; }

    /// <summary><c>Completed</c>, <c>Error</c> or <c>OOMKilled</c> once exited.</summary>
    public string? Reason { get; init; }

    /// <summary>The termination message, if the container wrote one.</summary>
    public string? Message { get; init; }

    public required string Image { get; init; }

    /// <summary>The image's digest or id, as <c>imageID</c> shows it.</summary>
    public string? ImageRef { get; init; }

    public string? LogPath { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
}
