namespace Tandem.Node.Logs;

/// <summary>
/// Wakes a following reader when its log directory changes (inotify through
/// <see cref="FileSystemWatcher"/>), with a timed poll as the safety net for missed events and the
/// only mechanism where no watcher can be had (the per-user inotify instance limit, filesystems
/// without inotify). Capture <see cref="Next"/> before reading to the end, then wait on it: a write
/// after the capture completes it, so no write is missed between the read and the wait.
/// </summary>
internal sealed class LogFileChangeSignal : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;
    private readonly FileSystemWatcher? _watcher;
    private TaskCompletionSource _next = NewSource();

    public LogFileChangeSignal(string path, TimeProvider time, bool watch, TimeSpan pollInterval)
    {
        _time = time;
        _pollInterval = pollInterval;
        if (watch)
        {
            _watcher = TryWatch(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
    }

    /// <summary>True when changes are seen through inotify; false when only polling.</summary>
    public bool Watching => _watcher is not null;

    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Returns when <paramref name="changed"/> or <paramref name="exited"/> completes or a poll interval passes.</summary>
    public async Task WaitAsync(Task changed, Task? exited, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poll = Task.Delay(_pollInterval, _time, stop.Token);
        await (exited is null ? Task.WhenAny(changed, poll) : Task.WhenAny(changed, poll, exited)).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _watcher?.Dispose();

    private FileSystemWatcher? TryWatch(string directory)
    {
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(directory)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => Signal();
            watcher.Created += (_, _) => Signal();
            watcher.Renamed += (_, _) => Signal();
            watcher.Deleted += (_, _) => Signal();
            watcher.Error += (_, _) => Signal();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // Out of inotify instances or no inotify here: the poll alone keeps the reader going.
            watcher?.Dispose();
            return null;
        }
    }

    private void Signal() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
