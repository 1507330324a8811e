namespace Tandem.Node.Termination;

/// <summary>Where one container is in <c>killContainer</c> (§1.H): each stage only moves forward.</summary>
public enum TerminationStage
{
    /// <summary>Created by the plan, before <see cref="TerminationPlan.Begin"/>.</summary>
    Pending,

    /// <summary>preStop is running; it ends when the hook returns or the grace runs out (the hook is not cancelled, P15).</summary>
    PreStop,

    /// <summary>A sidecar waiting for its prerequisites (all regular containers, the next later sidecar), at most the remaining grace (T3).</summary>
    WaitingForTurn,

    /// <summary>The stop signal was sent with a grace; the runtime SIGKILLs after it.</summary>
    Stopping,

    /// <summary>The container has exited; its latch is released.</summary>
    Exited,
}
