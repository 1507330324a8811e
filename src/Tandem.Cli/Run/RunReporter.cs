using System.Threading.Channels;
using Tandem.Model.CoreV1;
using Tandem.Node;

namespace Tandem.Cli.Run;

/// <summary>
/// Prints what the node reports while <c>tandem run</c> runs: every container instance's log as it is written,
/// the kubelet's events (Pulled, Created, Started, Killing, BackOff, Unhealthy ...), phase changes and exits.
/// </summary>
internal sealed class RunReporter(RunOutput output, TimeProvider time)
{
    private readonly Dictionary<string, LogFollower> _followers = [];
    private readonly Dictionary<string, Task> _following = [];
    private readonly Dictionary<string, string?> _phases = [];
    private readonly HashSet<string> _reportedExits = [];
    private readonly Dictionary<string, string> _waiting = [];

    public async Task RunAsync(ChannelReader<NodeNotification> notifications, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var notification in notifications.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await HandleAsync(notification, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var follower in _followers.Values)
            {
                follower.Complete();
            }
            await Task.WhenAll(_following.Values).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(NodeNotification notification, CancellationToken cancellationToken)
    {
        switch (notification)
        {
            case ContainerStarted started:
                var pod = started.Pod.Metadata!.Name!;
                var follower = new LogFollower(started.LogPath, (text, stderr) => output.Log(pod, started.Container, text, stderr), time);
                _followers[started.ContainerId] = follower;
                _following[started.ContainerId] = FollowAsync(follower, cancellationToken);
                break;
            case EventRecorded recorded:
                var e = recorded.Event;
                var subject = ContainerOf(e.InvolvedObject?.FieldPath) is { } container ? $"{e.InvolvedObject!.Name}/{container}" : e.InvolvedObject?.Name ?? "";
                output.Lifecycle(subject, $"{e.Reason}: {e.Message}", e.Type == "Warning" ? LineKind.Warning : LineKind.Normal);
                break;
            case PodChanged changed:
                await ReportStatusAsync(changed.Pod).ConfigureAwait(false);
                break;
            default:
                break;
        }
    }

    private async Task ReportStatusAsync(Pod pod)
    {
        var name = pod.Metadata!.Name!;
        var phase = pod.Status?.Phase;
        if (_phases.TryGetValue(name, out var before) && before != phase)
        {
            var kind = phase == "Failed" ? LineKind.Failure : LineKind.Normal;
            output.Lifecycle(name, $"phase {before} -> {phase}", kind);
        }
        _phases[name] = phase;
        foreach (var status in (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []))
        {
            ReportWaiting(name, status);
            if (status.State?.Terminated is not { } terminated || terminated.ContainerID is not { } id || !_reportedExits.Add(id))
            {
                continue;
            }
            var runtimeId = id[(id.IndexOf("://", StringComparison.Ordinal) + 3)..];
            if (_followers.TryGetValue(runtimeId, out var follower))
            {
                // The log is complete once the exit is published: print all of it before the exit line.
                follower.Complete();
                await _following[runtimeId].ConfigureAwait(false);
            }
            var kind = terminated.ExitCode == 0 ? LineKind.Normal : LineKind.Warning;
            output.Lifecycle($"{name}/{status.Name}", $"exited with code {terminated.ExitCode} ({terminated.Reason})", kind);
        }
    }

    // A container held back for a reason a user must see (ErrImagePull, CrashLoopBackOff, CreateContainerError ...),
    // once per change; the ordinary waits (PodInitializing, ContainerCreating) stay quiet.
    private void ReportWaiting(string pod, Model.CoreV1.ContainerStatus status)
    {
        var key = $"{pod}/{status.Name}";
        var reason = status.State?.Waiting?.Reason;
        if (reason is null or "PodInitializing" or "ContainerCreating")
        {
            _waiting.Remove(key);
            return;
        }
        var line = $"waiting: {reason}: {status.State!.Waiting!.Message}";
        if (_waiting.GetValueOrDefault(key) != line)
        {
            _waiting[key] = line;
            output.Lifecycle(key, line, LineKind.Warning);
        }
    }

    private static async Task FollowAsync(LogFollower follower, CancellationToken cancellationToken)
    {
        try
        {
            await follower.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // tandem run is ending.
        }
        catch (IOException)
        {
            // The log was removed with its pod.
        }
    }

    // spec.containers{main} -> main
    private static string? ContainerOf(string? fieldPath) =>
        fieldPath is not null && fieldPath.IndexOf('{') is var open and >= 0 ? fieldPath[(open + 1)..^1] : null;
}
