namespace Tandem.Sidecars.LogShipper.Checkpoints;

/// <summary>
/// Every stream the shipper follows, with its acknowledged offset, and the one place that writes
/// the checkpoint file. Readers change where a stream lives; delivery advances what is
/// acknowledged and then saves, so a saved offset never covers an unacknowledged line.
/// </summary>
public sealed class CheckpointLedger
{
    private readonly Lock _gate = new();
    private readonly CheckpointStore _store;
    private readonly Dictionary<long, TrackedStream> _streams = [];
    private readonly List<TrackedStream> _restored = [];
    private long _nextId = 1;
    private bool _dirty;

    public CheckpointLedger(CheckpointStore store)
    {
        _store = store;
        foreach (var record in store.Load().Streams)
        {
            var stream = new TrackedStream(record.Id, new FileIdentity(record.Device, record.Inode), new Fingerprint(record.FingerprintLength, record.FingerprintHash), record.Path, record.Offset);
            _streams[record.Id] = stream;
            _restored.Add(stream);
            _nextId = Math.Max(_nextId, record.Id + 1);
        }
    }

    /// <summary>Takes a stream from the checkpoint file for a file that matches it; each is handed out once.</summary>
    public TrackedStream? ClaimRestored(Func<TrackedStream, bool> matches)
    {
        lock (_gate)
        {
            var index = _restored.FindIndex(s => matches(s));
            if (index < 0)
            {
                return null;
            }
            var stream = _restored[index];
            _restored.RemoveAt(index);
            return stream;
        }
    }

    /// <summary>Streams from the checkpoint file that no file claimed in time belong to files that are gone.</summary>
    public void ReleaseRestored()
    {
        List<TrackedStream> unclaimed;
        lock (_gate)
        {
            unclaimed = [.. _restored];
            _restored.Clear();
        }
        foreach (var stream in unclaimed)
        {
            Release(stream);
        }
    }

    public TrackedStream Create(FileIdentity identity, Fingerprint fingerprint, string path, long offset)
    {
        lock (_gate)
        {
            var stream = new TrackedStream(_nextId++, identity, fingerprint, path, offset);
            _streams[stream.Id] = stream;
            _dirty = true;
            return stream;
        }
    }

    /// <summary>The stream now lives in another file or under another name, or its fingerprint grew.</summary>
    public void Move(TrackedStream stream, FileIdentity identity, Fingerprint fingerprint, string path)
    {
        lock (_gate)
        {
            _dirty |= stream.Identity != identity || stream.Fingerprint != fingerprint || stream.Path != path;
            stream.Identity = identity;
            stream.Fingerprint = fingerprint;
            stream.Path = path;
            stream.Retired = false;
            stream.Released = false;
            stream.FinalOffset = long.MaxValue;
            _streams[stream.Id] = stream;
        }
    }

    public void ReportSize(TrackedStream stream, long size)
    {
        lock (_gate)
        {
            stream.Size = size;
        }
    }

    /// <summary>No open file holds the stream now; reading stopped at <paramref name="finalOffset"/>. A copy may still turn up.</summary>
    public void Retire(TrackedStream stream, long finalOffset)
    {
        lock (_gate)
        {
            stream.Retired = true;
            stream.FinalOffset = finalOffset;
        }
    }

    /// <summary>No copy turned up in time: forget the stream once it is acknowledged up to where reading stopped.</summary>
    public void Release(TrackedStream stream)
    {
        lock (_gate)
        {
            stream.Retired = true;
            stream.Released = true;
            if (stream.FinalOffset == long.MaxValue)
            {
                stream.FinalOffset = stream.AckedOffset;
            }
            ForgetIfDone(stream);
        }
    }

    /// <summary>Acknowledged by every output: positions up to <paramref name="offset"/> may be checkpointed.</summary>
    public void Acknowledge(TrackedStream stream, long offset)
    {
        lock (_gate)
        {
            if (offset > stream.AckedOffset)
            {
                stream.AckedOffset = offset;
                _dirty = true;
            }
            ForgetIfDone(stream);
        }
    }

    /// <summary>Writes the checkpoint file if anything changed; returns whether it wrote.</summary>
    public bool Save()
    {
        CheckpointFile file;
        lock (_gate)
        {
            if (!_dirty)
            {
                return false;
            }
            file = new CheckpointFile(1, [.. _streams.Values.Select(s => new CheckpointRecord(s.Id, s.Identity.Device, s.Identity.Inode, s.Fingerprint.Length, s.Fingerprint.Hash, s.Path, s.AckedOffset))]);
            _dirty = false;
        }
        try
        {
            _store.Save(file);
        }
        catch
        {
            lock (_gate)
            {
                _dirty = true;
            }
            throw;
        }
        return true;
    }

    /// <summary>Bytes written to each live file but not yet acknowledged, for the lag metric.</summary>
    public IReadOnlyList<(string Path, long Lag)> Lag()
    {
        lock (_gate)
        {
            return [.. _streams.Values.Where(s => !s.Retired).Select(s => (s.Path, Math.Max(0, s.Size - s.AckedOffset)))];
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    private void ForgetIfDone(TrackedStream stream)
    {
        if (stream.Released && stream.AckedOffset >= stream.FinalOffset && _streams.Remove(stream.Id))
        {
            _dirty = true;
        }
    }
}
