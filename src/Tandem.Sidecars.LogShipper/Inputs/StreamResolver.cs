using Microsoft.Extensions.Logging;
using Tandem.Sidecars.LogShipper.Checkpoints;
using Tandem.Sidecars.LogShipper.Configuration;

namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>
/// Decides which stream a newly seen file holds, and keeps the streams that may still turn up in
/// another file: orphans (a truncated file's old content, which copytruncate's copy continues) and
/// streams restored from the checkpoint file that no file has claimed yet.
/// </summary>
public sealed partial class StreamResolver(InputConfig input, CheckpointLedger ledger, TimeProvider time, ILogger log)
{
    private readonly List<Orphan> _orphans = [];
    private readonly Dictionary<FileIdentity, long> _deferredSince = [];
    private readonly HashSet<FileIdentity> _duplicatesLogged = [];
    private readonly long _startedAt = time.GetTimestamp();
    private bool _restoredReleased;

    /// <summary>
    /// Which stream a newly seen file holds, in order:
    /// 1. its content starts like an open file's: a copy being made, or two names for equal content; wait (null);
    /// 2. a checkpointed stream with its device, inode and fingerprint: the same file after a restart (maybe renamed);
    /// 3. an orphaned stream whose fingerprint it starts with: the copy copytruncate made, continue where reading stopped;
    /// 4. otherwise a new stream, from the start (or the end, for <c>startAt: end</c> at the first scan).
    /// Requiring the fingerprint in 2 is what keeps a reused inode from inheriting an old offset.
    /// </summary>
    public (TrackedStream Stream, long Offset)? Resolve(FileIdentity identity, string path, byte[] prefix, long size, long now, IEnumerable<TailedFile> open, bool firstScan)
    {
        foreach (var other in open)
        {
            var common = Math.Min(other.Prefix.Length, prefix.Length);
            if (common > 0 && other.Prefix.AsSpan(0, common).SequenceEqual(prefix.AsSpan(0, common)))
            {
                var complete = common >= input.FingerprintBytes;
                if (!_deferredSince.TryGetValue(identity, out var since))
                {
                    _deferredSince[identity] = since = now;
                }
                if (complete || time.GetElapsedTime(since, now) < input.RotateWait)
                {
                    if (complete && _duplicatesLogged.Add(identity))
                    {
                        Log.DuplicateContent(log, path, other.Path);
                    }
                    return null;
                }
                break;
            }
        }
        _deferredSince.Remove(identity);
        var fingerprint = Fingerprint.Of(prefix);
        var restored = ledger.ClaimRestored(s => s.Identity == identity && s.Fingerprint.MatchesStartOf(prefix));
        if (restored is not null)
        {
            if (restored.AckedOffset <= size)
            {
                ledger.Move(restored, identity, fingerprint, path);
                return (restored, restored.AckedOffset);
            }
            // Shorter than what was acknowledged yet starting the same: truncated and rewritten while we were down.
            ledger.Release(restored);
        }
        var orphan = _orphans.FirstOrDefault(o => o.Stream.Fingerprint.Length > 0 && o.Stream.Fingerprint.MatchesStartOf(prefix) && size >= o.Offset);
        if (orphan is not null)
        {
            _orphans.Remove(orphan);
            ledger.Move(orphan.Stream, identity, fingerprint, path);
            Log.Adopted(log, path, orphan.Stream.Id, orphan.Offset);
            return (orphan.Stream, orphan.Offset);
        }
        var moved = ledger.ClaimRestored(s => s.Fingerprint.Length > 0 && s.Fingerprint.MatchesStartOf(prefix) && size >= s.AckedOffset);
        if (moved is not null)
        {
            ledger.Move(moved, identity, fingerprint, path);
            Log.Adopted(log, path, moved.Id, moved.AckedOffset);
            return (moved, moved.AckedOffset);
        }
        var offset = firstScan && input.StartAt == StartPosition.End ? size : 0;
        return (ledger.Create(identity, fingerprint, path, offset), offset);
    }

    /// <summary>A truncated file's old stream, read up to <paramref name="offset"/>: its copy may still turn up within the rotate wait.</summary>
    public void AddOrphan(TrackedStream stream, long offset) => _orphans.Add(new Orphan(stream, offset, time.GetTimestamp()));

    /// <summary>Lets go of orphans and unclaimed restored streams once the rotate wait has passed.</summary>
    public void Expire()
    {
        foreach (var orphan in _orphans.Where(o => time.GetElapsedTime(o.Since) >= input.RotateWait).ToList())
        {
            _orphans.Remove(orphan);
            ledger.Release(orphan.Stream);
        }
        if (!_restoredReleased && time.GetElapsedTime(_startedAt) >= input.RotateWait)
        {
            _restoredReleased = true;
            ledger.ReleaseRestored();
        }
    }

    private sealed record Orphan(TrackedStream Stream, long Offset, long Since);

    private static partial class Log
    {
        [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "{Path} holds the content of stream {StreamId} (a rotated copy); continuing at offset {Offset}")]
        public static partial void Adopted(ILogger logger, string path, long streamId, long offset);

        [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "{Path} starts with the same bytes as {Other}; treating it as a copy and not reading it twice (raise fingerprintBytes if they are different logs)")]
        public static partial void DuplicateContent(ILogger logger, string path, string other);
    }
}
