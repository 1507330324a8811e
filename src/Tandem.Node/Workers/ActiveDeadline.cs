using Tandem.Model.CoreV1;

namespace Tandem.Node.Workers;

/// <summary>
/// <c>spec.activeDeadlineSeconds</c>, the kubelet's <c>activeDeadlineHandler</c>: a pod active on the node longer than
/// its deadline (counted from <c>status.startTime</c>) is killed with its own grace and ends <c>Failed</c> with reason
/// <c>DeadlineExceeded</c>, whatever its containers' exit codes.
/// </summary>
internal static class ActiveDeadline
{
    public const string Reason = "DeadlineExceeded";
    public const string StatusMessage = "Pod was active on the node longer than the specified deadline";
    public const string EventMessage = "Pod was active on the node longer than the specified deadline";

    /// <summary>When the deadline passes, or null when the pod has none or has not started.</summary>
    public static DateTimeOffset? ExpiresAt(Pod pod) =>
        pod.Spec?.ActiveDeadlineSeconds is { } seconds && pod.Status?.StartTime is { } start ? start + TimeSpan.FromSeconds(seconds) : null;

    public static bool IsExceeded(Pod pod, DateTimeOffset now) => ExpiresAt(pod) is { } expiry && now >= expiry;

    /// <summary>The final status of a pod whose deadline passed (kubelet <c>generateAPIPodStatus</c>).</summary>
    public static PodStatus Apply(PodStatus status) => status with { Phase = "Failed", Reason = Reason, Message = StatusMessage };
}
