using System.Threading.Channels;
using Tandem.Model.CoreV1;
using Tandem.Node;
using Tandem.Node.Logs;

namespace Tandem.Cli.Run;

/// <summary>
/// Prints what the node reports while <c>tandem run</c> runs: every container instance's log as it is written
/// (followed across rotation by <see cref="ContainerLogReader"/>), the kubelet's events (Pulled, Created, Started,
/// Killing, BackOff, Unhealthy ...), waiting reasons, phase changes and exits, after the container's last line.
/// </summary>
internal sealed class RunReporter(PrefixedLogWriter output, TimeProvider time)
{
    private readonly ContainerLogReader _reader = new(time);
    private readonly Dictionary<string, (TaskCompletionSource Exited, Task Following)> _followers = [];
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
            foreach (var (exited, _) in _followers.Values)
            {
                exited.TrySetResult();
            }
            await Task.WhenAll(_followers.Values.Select(f => f.Following)).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(NodeNotification notification, CancellationToken cancellationToken)
    {
        switch (notification)
        {
            case ContainerStarted started:
                var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _followers[started.ContainerId] = (exited, FollowAsync(started, exited.Task, cancellationToken));
                break;
            case EventRecorded { Event.Count: > 1 }:
                break; // a repeat (BackOff on every sync of a crash loop) is counted on the event, not printed again
            case EventRecorded recorded:
                var e = recorded.Event;
                var pod = e.InvolvedObject?.Name ?? "";
                if (ContainerOf(e.InvolvedObject?.FieldPath) is { } container)
                {
                    output.WriteLifecycle(pod, container, $"{e.Reason}: {e.Message}");
                }
                else
                {
                    output.WriteLifecycle(pod, $"{e.Reason}: {e.Message}");
                }
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
            output.WriteLifecycle(name, $"phase {before} -> {phase}");
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
                follower.Exited.TrySetResult();
                await follower.Following.ConfigureAwait(false);
            }
            output.WriteLifecycle(name, status.Name!, $"exited with code {terminated.ExitCode} ({terminated.Reason})");
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
            output.WriteLifecycle(pod, status.Name!, line);
        }
    }

    private async Task FollowAsync(ContainerStarted started, Task exited, CancellationToken cancellationToken)
    {
        var pod = started.Pod.Metadata!.Name!;
        try
        {
            await foreach (var line in _reader.ReadAsync(started.LogPath, new LogReadOptions { Follow = true }, exited, cancellationToken).ConfigureAwait(false))
            {
                output.WriteLine(pod, started.Container, line.Text(timestamps: false), line.Stream == LogStream.Stderr);
            }
        }
        catch (OperationCanceledException)
        {
            // tandem run is ending.
        }
        catch (IOException)
        {
            // The log was removed with its pod (FileNotFoundException included).
        }
    }

    // spec.containers{main} -> main
    private static string? ContainerOf(string? fieldPath) =>
        fieldPath is not null && fieldPath.IndexOf('{') is var open and >= 0 ? fieldPath[(open + 1)..^1] : null;
}
