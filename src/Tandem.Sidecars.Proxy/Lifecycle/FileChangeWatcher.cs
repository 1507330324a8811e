using System.Security.Cryptography;

namespace Tandem.Sidecars.Proxy.Lifecycle;

/// <summary>
/// Calls back when any of a set of files changes. Watches the files' directories, because a
/// Kubernetes Secret or ConfigMap volume changes by swapping the <c>..data</c> symlink, which
/// raises events on the directory and none on the file path itself. Events can be lost (some
/// volume types raise none), so the content is also fingerprinted every poll interval. Bursts of
/// events are debounced into one callback; callbacks never overlap.
/// </summary>
internal sealed class FileChangeWatcher : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);
    private readonly IReadOnlyList<string> _files;
    private readonly Func<Task> _onChange;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer _debounce;
    private readonly ITimer _poll;
    private readonly SemaphoreSlim _serial = new(1, 1);
    private string _fingerprint;

    public FileChangeWatcher(IReadOnlyList<string> files, TimeSpan pollInterval, TimeProvider time, Func<Task> onChange)
    {
        _files = files;
        _onChange = onChange;
        _fingerprint = Fingerprint();
        _debounce = time.CreateTimer(_ => _ = FireAsync(force: true), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _poll = time.CreateTimer(_ => _ = FireAsync(force: false), null, pollInterval, pollInterval);
        foreach (var directory in files.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!).Distinct(StringComparer.Ordinal))
        {
            var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime };
            watcher.Changed += OnEvent;
            watcher.Created += OnEvent;
            watcher.Deleted += OnEvent;
            watcher.Renamed += OnEvent;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _debounce.Dispose();
        _poll.Dispose();
    }

    private void OnEvent(object sender, FileSystemEventArgs e) => _debounce.Change(Debounce, Timeout.InfiniteTimeSpan);

    private async Task FireAsync(bool force)
    {
        await _serial.WaitAsync().ConfigureAwait(false);
        try
        {
            var fingerprint = Fingerprint();
            if (fingerprint == _fingerprint && !force)
            {
                return;
            }
            if (fingerprint == _fingerprint)
            {
                // An event without a content change (a touch, an unrelated file in the directory).
                return;
            }
            _fingerprint = fingerprint;
            await _onChange().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The callback reports its own failures; the watcher must keep watching.
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>A hash of the files' contents: equal contents mean nothing to reload.</summary>
    private string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in _files)
        {
            try
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
            catch (IOException)
            {
                hash.AppendData("missing"u8);
            }
            catch (UnauthorizedAccessException)
            {
                hash.AppendData("unreadable"u8);
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
