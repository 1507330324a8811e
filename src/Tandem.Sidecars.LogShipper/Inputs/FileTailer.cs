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
/// Follows the files of one input. Each scan expands the globs and decides, for a file not open
/// yet, which stream it holds (see <see cref="Resolve"/>); each poll reads new data from every open
/// file and notices truncation. A stream whose file was truncated is kept as an orphan for the
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
    private readonly List<Orphan> _orphans = [];
    private readonly Dictionary<FileIdentity, long> _deferredSince = [];
    private readonly HashSet<FileIdentity> _duplicatesLogged = [];
    private readonly byte[] _buffer = new byte[256 << 10];
    private readonly long _startedAt;
    private bool _firstScan = true;
    private long _readBytes;
    private bool _restoredReleased;

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
        _startedAt = time.GetTimestamp();
    }

    /// <summary>Files open now.</summary>
    public int OpenFiles => _open.Count;

    /// <summary>Follows files until <paramref name="drain"/>, then reads every file to its end once more and returns.</summary>
    public async Task RunAsync(CancellationToken drain, CancellationToken abort)
    {
        var lastScan = _time.GetTimestamp();
        var idleRounds = 0;
        await ScanAsync(abort).ConfigureAwait(false);
        while (!drain.IsCancellationRequested)
        {
            if (_time.GetElapsedTime(lastScan) >= _input.ScanInterval)
            {
                lastScan = _time.GetTimestamp();
                await ScanAsync(abort).ConfigureAwait(false);
            }
            var before = _readBytes;
            if (!await PollAsync(abort).ConfigureAwait(false))
            {
                // After a second without new data, check five times less often: 100 quiet files
                // then cost a fraction of a percent of a core; the first new line waits at most that long.
                idleRounds = _readBytes == before ? idleRounds + 1 : 0;
                var quiet = idleRounds * _input.PollInterval >= TimeSpan.FromSeconds(1);
                try
                {
                    await Task.Delay(quiet ? _input.PollInterval * 5 : _input.PollInterval, _time, drain).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (drain.IsCancellationRequested)
                {
                }
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

    public void Dispose()
    {
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
        foreach (var orphan in _orphans.Where(o => _time.GetElapsedTime(o.Since) >= _input.RotateWait).ToList())
        {
            _orphans.Remove(orphan);
            _ledger.Release(orphan.Stream);
        }
        if (!_restoredReleased && _time.GetElapsedTime(_startedAt) >= _input.RotateWait)
        {
            _restoredReleased = true;
            _ledger.ReleaseRestored();
        }
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
        if (Resolve(identity, path, prefix, size, now) is not { } resolved)
        {
            handle.Dispose();
            return;
        }
        var file = new TailedFile(handle, identity, path, prefix, resolved.Stream, resolved.Offset, _input) { LastMatchedTimestamp = now };
        _open[identity] = file;
        _emitted[file] = resolved.Offset;
        Log.Following(_log, path, identity.ToString(), resolved.Offset, resolved.Stream.Id);
    }

    /// <summary>
    /// Which stream a newly seen file holds, in order:
    /// 1. its content starts like an open file's: a copy being made, or two names for equal content; wait;
    /// 2. a checkpointed stream with its device, inode and fingerprint: the same file after a restart (maybe renamed);
    /// 3. an orphaned stream whose fingerprint it starts with: the copy copytruncate made, continue where reading stopped;
    /// 4. otherwise a new stream, from the start (or the end, for <c>startAt: end</c> at the first scan).
    /// Requiring the fingerprint in 2 is what keeps a reused inode from inheriting an old offset.
    /// </summary>
    private (TrackedStream Stream, long Offset)? Resolve(FileIdentity identity, string path, byte[] prefix, long size, long now)
    {
        foreach (var open in _open.Values)
        {
            var common = Math.Min(open.Prefix.Length, prefix.Length);
            if (common > 0 && open.Prefix.AsSpan(0, common).SequenceEqual(prefix.AsSpan(0, common)))
            {
                var complete = common >= _input.FingerprintBytes;
                if (!_deferredSince.TryGetValue(identity, out var since))
                {
                    _deferredSince[identity] = since = now;
                }
                if (complete || _time.GetElapsedTime(since, now) < _input.RotateWait)
                {
                    if (complete && _duplicatesLogged.Add(identity))
                    {
                        Log.DuplicateContent(_log, path, open.Path);
                    }
                    return null;
                }
                break;
            }
        }
        _deferredSince.Remove(identity);
        var fingerprint = Fingerprint.Of(prefix);
        var restored = _ledger.ClaimRestored(s => s.Identity == identity && s.Fingerprint.MatchesStartOf(prefix));
        if (restored is not null)
        {
            if (restored.AckedOffset <= size)
            {
                _ledger.Move(restored, identity, fingerprint, path);
                return (restored, restored.AckedOffset);
            }
            // Shorter than what was acknowledged yet starting the same: truncated and rewritten while we were down.
            _ledger.Release(restored);
        }
        var orphan = _orphans.FirstOrDefault(o => o.Stream.Fingerprint.Length > 0 && o.Stream.Fingerprint.MatchesStartOf(prefix) && size >= o.Offset);
        if (orphan is not null)
        {
            _orphans.Remove(orphan);
            _ledger.Move(orphan.Stream, identity, fingerprint, path);
            Log.Adopted(_log, path, orphan.Stream.Id, orphan.Offset);
            return (orphan.Stream, orphan.Offset);
        }
        var moved = _ledger.ClaimRestored(s => s.Fingerprint.Length > 0 && s.Fingerprint.MatchesStartOf(prefix) && size >= s.AckedOffset);
        if (moved is not null)
        {
            _ledger.Move(moved, identity, fingerprint, path);
            Log.Adopted(_log, path, moved.Id, moved.AckedOffset);
            return (moved, moved.AckedOffset);
        }
        var offset = _firstScan && _input.StartAt == StartPosition.End ? size : 0;
        return (_ledger.Create(identity, fingerprint, path, offset), offset);
    }

    private void OnTruncated(TailedFile file, byte[] prefix, long size)
    {
        _metrics.Rotations.Add(1);
        var emitted = _emitted[file];
        Log.Truncated(_log, file.Path, size, file.ReadOffset);
        _ledger.Retire(file.Stream, emitted);
        _orphans.Add(new Orphan(file.Stream, emitted, _time.GetTimestamp()));
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

    private sealed record Orphan(TrackedStream Stream, long Offset, long Since);

    private static partial class Log
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "following {Path} ({Identity}) from offset {Offset}, stream {StreamId}")]
        public static partial void Following(ILogger logger, string path, string identity, long offset, long streamId);

        [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "{Path} was truncated to {Size} bytes after {Offset} were read; reading it from the start")]
        public static partial void Truncated(ILogger logger, string path, long size, long offset);

        [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "{Path} holds the content of stream {StreamId} (a rotated copy); continuing at offset {Offset}")]
        public static partial void Adopted(ILogger logger, string path, long streamId, long offset);

        [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "closed {Path}: rotated away or deleted and read to its end")]
        public static partial void Closed(ILogger logger, string path);

        [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "cannot open {Path}: {Reason}; retrying at the next scan")]
        public static partial void CannotOpen(ILogger logger, string path, string reason);

        [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "{Path} starts with the same bytes as {Other}; treating it as a copy and not reading it twice (raise fingerprintBytes if they are different logs)")]
        public static partial void DuplicateContent(ILogger logger, string path, string other);
    }
}
