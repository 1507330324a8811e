namespace Tandem.Runtime.Runc;

/// <summary>A sandbox as persisted under <c>sandboxes/&lt;id&gt;/sandbox.json</c>, so a restarted node can stop and remove it.</summary>
internal sealed record SandboxRecord
{
    public required string Id { get; init; }

    public required PodSandboxConfig Config { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool Ready { get; init; }

    public required string NetnsName { get; init; }

    /// <summary>The holder process whose UTS, IPC (and PID) namespaces the containers join; 0 when the namespaces are pinned instead.</summary>
    public int HolderPid { get; init; }

    /// <summary>
    /// The UTS and IPC namespaces are pinned by bind mounts (<see cref="NamespacePins"/>) and no holder runs: the pod
    /// neither shares a PID namespace nor sets sysctls (which runc validates and applies through a holder).
    /// </summary>
    public bool PinnedNamespaces { get; init; }
}
