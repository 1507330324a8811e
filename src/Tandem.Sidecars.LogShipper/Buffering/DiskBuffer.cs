using System.Buffers.Binary;
using System.Globalization;
using Tandem.Sidecars.LogShipper.Checkpoints;
using Tandem.Sidecars.LogShipper.Configuration;

namespace Tandem.Sidecars.LogShipper.Buffering;

/// <summary>
/// A bounded on-disk FIFO of batches: numbered segment files of records
/// <c>[length u32][crc32 u32][payload]</c>, each append fsync'd before the sources are acknowledged,
/// and a read position file replaced durably after the sinks acknowledged. On start, a record torn
/// by a crash (short or failing its CRC) ends the segment. When full it blocks the writer or
/// deletes the oldest segment (counting its events), as configured.
/// </summary>
public sealed class DiskBuffer : IDisposable
{
    private const int HeaderBytes = 8;
    private readonly string _dir;
    private readonly long _maxBytes;
    private readonly long _segmentBytes;
    private readonly WhenFull _whenFull;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, long> _segments = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FileStream? _tail;
    private long _tailId;
    private BufferPosition _read;
    private FileStream? _reader;
    private long _readerSegment = -1;
    private bool _writerCompleted;
    private long _droppedEvents;

    public DiskBuffer(string dir, long maxBytes, WhenFull whenFull)
    {
        _dir = dir;
        _maxBytes = maxBytes;
        _whenFull = whenFull;
        _segmentBytes = Math.Max(1 << 20, maxBytes / 8);
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.EnumerateFiles(dir, "*.seg"))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                _segments[id] = RepairTornTail(file);
            }
        }
        _read = LoadPosition();
        foreach (var id in _segments.Keys.Where(id => id < _read.Segment).ToList())
        {
            DeleteSegment(id);
        }
        if (_segments.Count > 0 && _read.Segment < _segments.Keys.First())
        {
            _read = new BufferPosition(_segments.Keys.First(), 0);
        }
        _tailId = _segments.Count > 0 ? _segments.Keys.Last() : Math.Max(1, _read.Segment);
    }

    /// <summary>Bytes on disk now (the <c>tandem_ship_buffered_disk_bytes</c> gauge).</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _segments.Values.Sum();
            }
        }
    }

    /// <summary>Events deleted unsent by <see cref="WhenFull.DropOldest"/>.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>Appends a batch durably; waits while full under <see cref="WhenFull.Block"/>. Returns events dropped to make room.</summary>
    public async Task<long> AppendAsync(byte[] payload, CancellationToken cancellationToken)
    {
        var size = HeaderBytes + payload.Length;
        long dropped = 0;
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                var used = _segments.Values.Sum();
                if (used == 0 || used + size <= _maxBytes)
                {
                    Write(payload);
                    Changed();
                    return dropped;
                }
                if (_whenFull == WhenFull.DropOldest && _segments.Count > 0)
                {
                    dropped += DropOldest();
                    continue;
                }
                wait = _changed.Task;
            }
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>No more appends: <see cref="ReadAsync"/> returns null once everything was read.</summary>
    public void CompleteWriting()
    {
        lock (_gate)
        {
            _writerCompleted = true;
            Changed();
        }
    }

    /// <summary>The next batch after the last one read, waiting for one to be appended.</summary>
    public async Task<BufferRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (TryReadRecord() is { } record)
                {
                    return record;
                }
                if (_read.Segment < _tailId)
                {
                    // That segment is finished (or was dropped): the writer moved on to a newer one.
                    _read = new BufferPosition(_segments.Keys.FirstOrDefault(k => k > _read.Segment, _tailId), 0);
                    continue;
                }
                if (_writerCompleted)
                {
                    return null;
                }
                wait = _changed.Task;
            }
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The sinks acknowledged everything before <paramref name="next"/>: persist it and free whole segments.</summary>
    public void Commit(BufferPosition next)
    {
        lock (_gate)
        {
            DurableFile.Replace(Path.Combine(_dir, "position"), System.Text.Encoding.ASCII.GetBytes($"{next.Segment} {next.Offset}"));
            // Segments before the position are done, and so is the position's own once read to its end and written no more.
            foreach (var id in _segments.Where(s => s.Key < next.Segment || (s.Key == next.Segment && s.Key != _tailId && next.Offset >= s.Value)).Select(s => s.Key).ToList())
            {
                DeleteSegment(id);
            }
            Changed();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _tail?.Dispose();
            _reader?.Dispose();
        }
    }

    private void Write(byte[] payload)
    {
        if (_tail is null || _tail.Length >= _segmentBytes)
        {
            _tail?.Dispose();
            if (_segments.ContainsKey(_tailId) && _segments[_tailId] > 0)
            {
                _tailId++;
            }
            _tail = new FileStream(SegmentPath(_tailId), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            _segments[_tailId] = _tail.Length;
        }
        Span<byte> header = stackalloc byte[HeaderBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.Compute(payload));
        _tail.Write(header);
        _tail.Write(payload);
        _tail.Flush(flushToDisk: true);
        _segments[_tailId] = _tail.Length;
    }

    private BufferRecord? TryReadRecord()
    {
        if (!_segments.TryGetValue(_read.Segment, out var length) || _read.Offset + HeaderBytes > length)
        {
            return null;
        }
        if (_readerSegment != _read.Segment)
        {
            _reader?.Dispose();
            _reader = new FileStream(SegmentPath(_read.Segment), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _readerSegment = _read.Segment;
        }
        Span<byte> header = stackalloc byte[HeaderBytes];
        _reader!.Position = _read.Offset;
        _reader.ReadExactly(header);
        var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(header);
        var payload = new byte[size];
        _reader.ReadExactly(payload);
        _read = new BufferPosition(_read.Segment, _read.Offset + HeaderBytes + size);
        return new BufferRecord(payload, _read);
    }

    private long DropOldest()
    {
        var oldest = _segments.Keys.First();
        if (oldest == _tailId)
        {
            // Everything is in the segment being written: start a new one so the old can go.
            _tail?.Dispose();
            _tail = null;
            _tailId++;
        }
        var from = _read.Segment == oldest ? _read.Offset : 0;
        var dropped = CountEvents(oldest, from);
        if (_read.Segment <= oldest)
        {
            _read = new BufferPosition(oldest + 1, 0);
        }
        DeleteSegment(oldest);
        Interlocked.Add(ref _droppedEvents, dropped);
        return dropped;
    }

    private long CountEvents(long segment, long from)
    {
        long events = 0;
        using var file = new FileStream(SegmentPath(segment), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[HeaderBytes + 4];
        for (var offset = from; offset + header.Length <= file.Length;)
        {
            file.Position = offset;
            file.ReadExactly(header);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header);
            events += BinaryPrimitives.ReadInt32LittleEndian(header[HeaderBytes..]);
            offset += HeaderBytes + size;
        }
        return events;
    }

    private void DeleteSegment(long id)
    {
        if (_readerSegment == id)
        {
            _reader?.Dispose();
            _reader = null;
            _readerSegment = -1;
        }
        File.Delete(SegmentPath(id));
        _segments.Remove(id);
    }

    private BufferPosition LoadPosition()
    {
        var file = Path.Combine(_dir, "position");
        if (!File.Exists(file))
        {
            return new BufferPosition(_segments.Count > 0 ? _segments.Keys.First() : 1, 0);
        }
        var parts = File.ReadAllText(file).Split(' ');
        return new BufferPosition(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Cuts a segment at its first incomplete or corrupt record (a crash during an append) and returns the valid length.</summary>
    private static long RepairTornTail(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[HeaderBytes];
        long offset = 0;
        while (offset + HeaderBytes <= file.Length)
        {
            file.Position = offset;
            file.ReadExactly(header);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header);
            if (size == 0 || offset + HeaderBytes + size > file.Length)
            {
                break;
            }
            var payload = new byte[size];
            file.ReadExactly(payload);
            if (Crc32.Compute(payload) != BinaryPrimitives.ReadUInt32LittleEndian(header[4..]))
            {
                break;
            }
            offset += HeaderBytes + size;
        }
        if (offset != file.Length)
        {
            file.SetLength(offset);
            file.Flush(flushToDisk: true);
        }
        return offset;
    }

    private string SegmentPath(long id) => Path.Combine(_dir, id.ToString("D10", CultureInfo.InvariantCulture) + ".seg");

    private void Changed()
    {
        var changed = _changed;
        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
