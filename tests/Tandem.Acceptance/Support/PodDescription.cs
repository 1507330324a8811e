using System.Text;
using Tandem.Model.CoreV1;

namespace Tandem.Acceptance.Support;

/// <summary>A pod's status in a few lines, for failure messages.</summary>
public static class PodDescription
{
    public static string Describe(Pod pod)
    {
        var text = new StringBuilder();
        var status = pod.Status;
        text.Append("phase ").Append(status?.Phase).Append(" deleted ").Append(pod.Metadata?.DeletionTimestamp is not null).Append('\n');
        foreach (var condition in status?.Conditions ?? [])
        {
            text.Append("  ").Append(condition.Type).Append('=').Append(condition.Status).Append('/').Append(condition.Reason).Append(' ').Append(condition.Message).Append('\n');
        }
        foreach (var container in (status?.InitContainerStatuses ?? []).Concat(status?.ContainerStatuses ?? []))
        {
            text.Append("  ").Append(container.Name).Append(": ").Append(State(container.State))
                .Append(" last ").Append(State(container.LastState))
                .Append(" restarts ").Append(container.RestartCount).Append(" started ").Append(container.Started).Append(" ready ").Append(container.Ready).Append('\n');
        }
        return text.ToString();
    }

    public static string State(ContainerState? state) => state switch
    {
        { Running: { } r } => $"running({r.StartedAt:HH:mm:ss})",
        { Terminated: { } t } => $"terminated({t.ExitCode}, {t.Reason}, {t.StartedAt:HH:mm:ss}-{t.FinishedAt:HH:mm:ss})",
        { Waiting: { } w } => $"waiting({w.Reason}: {w.Message})",
        _ => "none",
    };
}
