using Tandem.Model.CoreV1;
using Tandem.Node.Lifecycle;

namespace Tandem.Node.Termination;

/// <summary>Which grace period applies to a kill (kuberuntime <c>setTerminationGracePeriod</c>, T8, R16).</summary>
public static class GracePeriods
{
    /// <summary><c>minimumGracePeriodInSeconds</c>: every stop signal gets at least this long before SIGKILL (T4, P15).</summary>
    public const long Minimum = 2;

    /// <summary>
    /// Deletion grace first (the API server copied <c>DeleteOptions.gracePeriodSeconds</c> into
    /// <c>deletionGracePeriodSeconds</c>); then, for a probe kill, that probe's <c>terminationGracePeriodSeconds</c>;
    /// then the spec's; then the 2 s minimum.
    /// </summary>
    public static long ForContainer(Pod pod, Container container, KillReason? reason)
    {
        if (pod.Metadata?.DeletionGracePeriodSeconds is { } deletion)
        {
            return deletion;
        }
        if (pod.Spec?.TerminationGracePeriodSeconds is not { } spec)
        {
            return Minimum;
        }
        var probeGrace = reason switch
        {
            KillReason.StartupProbe => container.StartupProbe?.TerminationGracePeriodSeconds,
            KillReason.LivenessProbe => container.LivenessProbe?.TerminationGracePeriodSeconds,
            _ => null,
        };
        return probeGrace ?? spec;
    }

    /// <summary>The grace of a whole-pod termination: the deletion grace when deleted, else the spec's (T8).</summary>
    public static long ForPod(Pod pod) =>
        pod.Metadata?.DeletionGracePeriodSeconds ?? pod.Spec?.TerminationGracePeriodSeconds ?? Minimum;
}
