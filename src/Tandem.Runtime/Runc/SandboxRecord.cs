namespace Tandem.Runtime.Runc;

/// <summary>A sandbox as persisted under <c>sandboxes/&lt;id&gt;/sandbox.json</c>, so a restarted node can stop and remove it.</summary>
internal sealed record SandboxRecord
{
    public required string Id { get; init; }

    public required PodSandboxConfig Config { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool Ready { get; init; }

    public required string NetnsName { get; init; }

    /// <summary>The holder process whose UTS, IPC (and PID) namespaces the containers join.</summary>
    public int HolderPid { get; init; }
}
