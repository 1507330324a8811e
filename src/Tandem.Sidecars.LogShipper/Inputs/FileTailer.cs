using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;
using Tandem.Sidecars.LogShipper.Checkpoints;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Delivery;
using Tandem.Sidecars.LogShipper.Events;
using Tandem.Sidecars.LogShipper.Processing;
using Tandem.Sidecars.LogShipper.Telemetry;

namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>
/// Follows the files of one input. Each scan expands the globs and asks the
/// <see cref="StreamResolver"/> which stream a file not open yet holds; each poll reads new data
/// from every open file and notices truncation; between polls it sleeps until inotify reports a
/// change (<see cref="DirectoryChangeSignal"/>). A stream whose file was truncated is kept as an orphan for the
/// rotate wait, so the copy that copytruncate made can take it over from where reading stopped.
/// </summary>
public sealed partial class FileTailer : IDisposable
{
    /// <summary>Small reads keep budget requests small, so reading resumes as soon as one batch is acknowledged.</summary>
    private const long MaxBytesPerFilePerRound = 256 << 10;

    private readonly InputConfig _input;
    private readonly CheckpointLedger _ledger;
    private readonly IEventSink _sink;
    private readonly EventProcessor _processor;
    private readonly ShipperMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly GlobMatcher _globs;
    private readonly Dictionary<FileIdentity, TailedFile> _open = [];
    private readonly Dictionary<TailedFile, long> _emitted = [];
    private readonly StreamResolver _resolver;
    private readonly DirectoryChangeSignal _changes;
    private readonly byte[] _buffer = new byte[256 << 10];
    private bool _firstScan = true;
    private long _readBytes;

    public FileTailer(InputConfig input, CheckpointLedger ledger, IEventSink sink, EventProcessor processor, ShipperMetrics metrics, TimeProvider time, ILogger log)
    {
        _input = input;
        _ledger = ledger;
        _sink = sink;
        _processor = processor;
        _metrics = metrics;
        _time = time;
        _log = log;
        _globs = new GlobMatcher(input.Include, input.Exclude, time);
        _resolver = new StreamResolver(input, ledger, time, log);
        _changes = new DirectoryChangeSignal(_globs.Roots);
    }

    /// <summary>Files open now.</summary>
    public int OpenFiles => _open.Count;

    /// <summary>Follows files until <paramref name="drain"/>, then reads every file to its end once more and returns.</summary>
    public async Task RunAsync(CancellationToken drain, CancellationToken abort)
    {
        _changes.Refresh();
        var lastScan = _time.GetTimestamp();
        var idleRounds = 0;
        await ScanAsync(abort).ConfigureAwait(false);
        while (!drain.IsCancellationRequested)
        {
            if (_changes.TakeEntriesChanged() || _time.GetElapsedTime(lastScan) >= _input.ScanInterval)
            {
                lastScan = _time.GetTimestamp();
                _changes.Refresh();
                await ScanAsync(abort).ConfigureAwait(false);
            }
            var before = _readBytes;
            if (await PollAsync(abort).ConfigureAwait(false))
            {
                continue;
            }
            idleRounds = _readBytes == before ? idleRounds + 1 : 0;
            try
            {
                await _changes.WaitAsync(NextLook(idleRounds), _time, drain).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (drain.IsCancellationRequested)
            {
            }
        }
        // SIGTERM: pick up what was written until now, then flush pending multi-line events.
        await ScanAsync(abort).ConfigureAwait(false);
        while (await PollAsync(abort).ConfigureAwait(false))
        {
        }
        foreach (var file in _open.Values.ToList())
        {
            await EmitAsync(file, file.FlushPending(_time, force: true), abort).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// How long to wait for a change before looking anyway. With inotify on every directory a
    /// write wakes the tailer at once, so the look is only the fallback and the timed work (new
    /// files, rotate wait, multi-line timeout) at the scan interval: 100 quiet files then cost one
    /// wake-up a second. Without inotify: the poll interval, five times longer after a quiet second.
    /// </summary>
    private TimeSpan NextLook(int idleRounds)
    {
        if (_changes.WatchingAll)
        {
            return _input.ScanInterval;
        }
        var quiet = idleRounds * _input.PollInterval >= TimeSpan.FromSeconds(1);
        return quiet ? _input.PollInterval * 5 : _input.PollInterval;
    }

    public void Dispose()
    {
        _changes.Dispose();
        foreach (var file in _open.Values)
        {
            file.Dispose();
        }
        _open.Clear();
    }

    /// <summary>Expands the globs, opens new files, closes files rotated away, forgets expired orphans.</summary>
    internal async Task ScanAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        foreach (var path in _globs.Expand())
        {
            if (!FileStat.TryGet(path, out var identity, out var size))
            {
                continue;
            }
            if (_open.TryGetValue(identity, out var open))
            {
                if (open.Path != path)
                {
                    // Renamed (rotation by rename): same file, same stream, new name.
                    open.Path = path;
                    _ledger.Move(open.Stream, identity, open.Stream.Fingerprint, path);
                }
                open.LastMatchedTimestamp = now;
                continue;
            }
            if (size > 0)
            {
                TryOpen(path, now);
            }
        }
        _firstScan = false;
        await CloseRotatedAwayAsync(now, cancellationToken).ConfigureAwait(false);
        _resolver.Expire();
    }

    /// <summary>Reads new data from every open file; true when some file still has unread data.</summary>
    internal async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        var more = false;
        foreach (var file in _open.Values.ToList())
        {
            if (!FileStat.TryGet(file.Handle, out _, out var size, out var modified))
            {
                continue;
            }
            // A truncate followed by a rewrite can leave the size as it was; the modification time still moves.
            if (size != file.LastSize || modified != file.LastModified)
            {
                if (!file.StillSameContent(size, out var prefix))
                {
                    OnTruncated(file, prefix, size);
                }
                else if (prefix.Length > file.Prefix.Length)
                {
                    file.UpdatePrefix(prefix);
                    _ledger.Move(file.Stream, file.Identity, Fingerprint.Of(prefix), file.Path);
                }
                file.LastSize = size;
                file.LastModified = modified;
                _ledger.ReportSize(file.Stream, size);
            }
            var offset = file.ReadOffset;
            var lines = file.ReadOffset < size ? file.Read(_buffer, size, MaxBytesPerFilePerRound, _time) : file.FlushPending(_time, force: false);
            _readBytes += Math.Max(0, file.ReadOffset - offset);
            await EmitAsync(file, lines, cancellationToken).ConfigureAwait(false);
            more |= file.ReadOffset < size;
        }
        return more;
    }

    private void TryOpen(string path, long now)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.CannotOpen(_log, path, ex.Message);
            return;
        }
        // Identity and content from the handle, so both describe the same file even if the name was just replaced.
        if (!FileStat.TryGet(handle, out var identity, out var size) || size == 0 || _open.ContainsKey(identity))
        {
            handle.Dispose();
            return;
        }
        var prefix = TailedFile.ReadPrefix(handle, size, _input.FingerprintBytes);
        if (_resolver.Resolve(identity, path, prefix, size, now, _open.Values, _firstScan) is not { } resolved)
        {
            handle.Dispose();
            return;
        }
        var file = new TailedFile(handle, identity, path, prefix, resolved.Stream, resolved.Offset, _input) { LastMatchedTimestamp = now };
        _open[identity] = file;
        _emitted[file] = resolved.Offset;
        Log.Following(_log, path, identity.ToString(), resolved.Offset, resolved.Stream.Id);
    }

    private void OnTruncated(TailedFile file, byte[] prefix, long size)
    {
        _metrics.Rotations.Add(1);
        var emitted = _emitted[file];
        Log.Truncated(_log, file.Path, size, file.ReadOffset);
        _ledger.Retire(file.Stream, emitted);
        _resolver.AddOrphan(file.Stream, emitted);
        var stream = _ledger.Create(file.Identity, prefix.Length > 0 ? Fingerprint.Of(prefix) : Fingerprint.Empty, file.Path, 0);
        file.Restart(stream, prefix);
        _emitted[file] = 0;
    }

    private async Task CloseRotatedAwayAsync(long now, CancellationToken cancellationToken)
    {
        foreach (var file in _open.Values.ToList())
        {
            if (_time.GetElapsedTime(file.LastMatchedTimestamp, now) < _input.RotateWait
                || !FileStat.TryGet(file.Handle, out _, out var size) || file.ReadOffset < size)
            {
                continue;
            }
            await EmitAsync(file, file.FlushPending(_time, force: true), cancellationToken).ConfigureAwait(false);
            _ledger.Retire(file.Stream, _emitted[file]);
            _ledger.Release(file.Stream);
            _open.Remove(file.Identity);
            _emitted.Remove(file);
            file.Dispose();
            Log.Closed(_log, file.Path);
        }
    }

    private async Task EmitAsync(TailedFile file, List<RawLine> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return;
        }
        var events = new List<LogEvent>(lines.Count);
        long bytes = 0;
        long truncated = 0;
        var now = _time.GetUtcNow();
        foreach (var line in lines)
        {
            events.Add(_processor.Process(line, file.Path, file.Stream, now));
            bytes += line.Bytes.Length;
            truncated += line.Truncated ? 1 : 0;
        }
        _emitted[file] = lines[^1].EndOffset;
        _metrics.LinesRead.Add(lines.Count);
        _metrics.BytesRead.Add(bytes);
        if (truncated > 0)
        {
            _metrics.Truncated.Add(truncated);
        }
        await _sink.WriteAsync(events, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "following {Path} ({Identity}) from offset {Offset}, stream {StreamId}")]
        public static partial void Following(ILogger logger, string path, string identity, long offset, long streamId);

        [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "{Path} was truncated to {Size} bytes after {Offset} were read; reading it from the start")]
        public static partial void Truncated(ILogger logger, string path, long size, long offset);

        [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "closed {Path}: rotated away or deleted and read to its end")]
        public static partial void Closed(ILogger logger, string path);

        [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "cannot open {Path}: {Reason}; retrying at the next scan")]
        public static partial void CannotOpen(ILogger logger, string path, string reason);
    }
}
