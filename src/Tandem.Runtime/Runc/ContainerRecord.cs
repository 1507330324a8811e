namespace Tandem.Runtime.Runc;

/// <summary>A container as persisted under <c>containers/&lt;id&gt;/container.json</c>: its config and what happened to it.</summary>
internal sealed record ContainerRecord
{
    public required string Id { get; init; }

    public required string SandboxId { get; init; }

    public required ContainerConfig Config { get; init; }

    public required string ImageId { get; init; }

    public string? StopSignal { get; init; }

    public ContainerState State { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int? ExitCode { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public int Pid { get; init; }

    public required string CgroupPath { get; init; }

    public ContainerStatus ToStatus() => new()
    {
        Id = Id,
        SandboxId = SandboxId,
        Name = Config.Name,
        Attempt = Config.Attempt,
        State = State,
        CreatedAt = CreatedAt,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
        ExitCode = ExitCode,
        Reason = Reason,
        Message = Message,
        Image = Config.Image,
        ImageRef = ImageId,
        LogPath = Config.LogPath,
        Labels = Config.Labels,
        Annotations = Config.Annotations,
    };
}
