namespace Tandem.Node.Lifecycle;

/// <summary>Why the whole pod is being terminated; the cause picks the grace period (T8).</summary>
public enum TerminationCause
{
    /// <summary>Every regular container is done for good (R17): spec grace.</summary>
    Completed,

    /// <summary>A regular init container failed in a <c>Never</c> pod (R9): spec grace.</summary>
    InitFailed,

    /// <summary>The pod was deleted: its <c>deletionGracePeriodSeconds</c>.</summary>
    Deleted,

    /// <summary>The sandbox is gone or not ready: kill what is left before recreating it.</summary>
    SandboxChanged,
}
