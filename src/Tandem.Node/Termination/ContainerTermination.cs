using Tandem.Node.Lifecycle;

namespace Tandem.Node.Termination;

/// <summary>
/// One container's progress through <c>killContainer</c> (§1.H). <see cref="RemainingGrace"/> is the grace left
/// after the floor-truncated time spent in preStop and in waiting for its turn; <see cref="StageStartedAt"/> is when
/// the current stage began.
/// </summary>
public sealed record ContainerTermination
{
    public required string Name { get; init; }

    public ContainerKind Kind { get; init; }

    /// <summary>False for containers that were not running when termination began: their latch starts released (P5 fix).</summary>
    public bool Running { get; init; } = true;

    public bool HasPreStop { get; init; }

    /// <summary>The grace this container started with (T8).</summary>
    public long InitialGrace { get; init; }

    public long RemainingGrace { get; init; }

    /// <summary>Latches to wait for before the stop signal: set for sidecars only, and only in pods with sidecars (T3, T5).</summary>
    public IReadOnlyList<string> Prerequisites { get; init; } = [];

    public TerminationStage Stage { get; init; } = TerminationStage.Pending;

    public DateTimeOffset? StageStartedAt { get; init; }

    /// <summary>The container was seen exiting (it may do so by itself before its turn).</summary>
    public bool HasExited { get; init; }

    /// <summary>The grace given with the stop signal, once sent (at least 2 s).</summary>
    public long? StopGrace { get; init; }

    /// <summary>A released latch: exited, or never running in the first place.</summary>
    public bool Released => !Running || Stage == TerminationStage.Exited;
}
