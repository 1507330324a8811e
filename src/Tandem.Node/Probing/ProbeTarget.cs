namespace Tandem.Node.Probing;

/// <summary>
/// What a probe worker needs to know of its container at a tick: the newest instance's id, whether it runs and
/// since when, whether it is <c>started</c> (R27), and whether the pod is terminating (R26).
/// </summary>
public sealed record ProbeTarget(string? ContainerId, bool Running, DateTimeOffset? StartedAt, bool Started, bool PodTerminating = false);
