namespace Tandem.Sidecars.Admin;

/// <summary>What <c>/ready</c> reports: the sidecar decides, the admin server only reads it.</summary>
public interface IReadinessLatch
{
    /// <summary>True once the sidecar can do its job.</summary>
    bool IsReady { get; }

    /// <summary>Why the sidecar is not ready, shown in the <c>/ready</c> body; null when ready.</summary>
    string? Reason { get; }
}
