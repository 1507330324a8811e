namespace Tandem.Node.Probing;

/// <summary>Whether a probe runs on this tick, and if not, why (R22, R23, R25, R26).</summary>
public enum ProbeGate
{
    Run,

    /// <summary>No instance of the container yet.</summary>
    NoContainer,

    /// <summary>Holding after a published liveness failure or any published startup result, until a new container id (R23).</summary>
    OnHold,

    /// <summary>The container is not running; readiness is Failure meanwhile (R25).</summary>
    NotRunning,

    /// <summary>Liveness and startup of regular containers stop when the pod terminates (R26).</summary>
    StoppedForTermination,

    /// <summary><c>floor(now − startedAt) &lt; initialDelaySeconds</c> (R22).</summary>
    InitialDelay,

    /// <summary>Liveness and readiness wait for the startup probe to succeed (R22).</summary>
    NotStarted,

    /// <summary>The startup probe is done once the container started (R22).</summary>
    AlreadyStarted,
}
