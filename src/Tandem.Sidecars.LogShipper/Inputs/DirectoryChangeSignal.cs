namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>
/// Wakes a tailer when something changes in the directories its globs cover (inotify, through
/// <see cref="FileSystemWatcher"/>), so quiet files cost nothing between changes instead of being
/// polled. Inotify can miss changes (network file systems, some overlay set-ups, a full event
/// queue), so the tailer still looks on a slow fallback interval; a directory that does not exist
/// yet is watched once it does.
/// </summary>
public sealed class DirectoryChangeSignal : IDisposable
{
    private readonly IReadOnlyList<(string Root, bool Recursive)> _roots;
    private readonly Dictionary<string, FileSystemWatcher> _watchers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _entriesChanged;

    public DirectoryChangeSignal(IReadOnlyList<(string Root, bool Recursive)> roots) => _roots = roots;

    /// <summary>Every directory is watched: waiting for a change may use the slow fallback interval.</summary>
    public bool WatchingAll => _watchers.Count == _roots.Count;

    /// <summary>True once after a file was created, deleted or renamed (or events were lost): time to expand the globs.</summary>
    public bool TakeEntriesChanged() => Interlocked.Exchange(ref _entriesChanged, 0) != 0;

    /// <summary>Starts watching directories that exist now and are not watched yet.</summary>
    public void Refresh()
    {
        foreach (var (root, recursive) in _roots)
        {
            if (_watchers.ContainsKey(root) || !Directory.Exists(root))
            {
                continue;
            }
            try
            {
                var watcher = new FileSystemWatcher(root)
                {
                    IncludeSubdirectories = recursive,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
                watcher.Changed += (_, _) => Signal(entries: false);
                watcher.Created += (_, _) => Signal(entries: true);
                watcher.Deleted += (_, _) => Signal(entries: true);
                watcher.Renamed += (_, _) => Signal(entries: true);
                // Overflow or a watch that failed: look at everything once, as a poll would.
                watcher.Error += (_, _) => Signal(entries: true);
                watcher.EnableRaisingEvents = true;
                _watchers[root] = watcher;
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                // No inotify here (or no watches left, fs.inotify.max_user_watches): polling still works.
            }
        }
    }

    /// <summary>
    /// Returns once something changed since the last call, or after <paramref name="timeout"/>.
    /// A change that happens while the caller is reading is kept, so the next wait returns at once.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var changed = Volatile.Read(ref _changed);
        if (!changed.Task.IsCompleted)
        {
            try
            {
                await changed.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return;
            }
        }
        Interlocked.CompareExchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), changed);
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers.Values)
        {
            watcher.Dispose();
        }
        _watchers.Clear();
    }

    private void Signal(bool entries)
    {
        if (entries)
        {
            Volatile.Write(ref _entriesChanged, 1);
        }
        Volatile.Read(ref _changed).TrySetResult();
    }
}
