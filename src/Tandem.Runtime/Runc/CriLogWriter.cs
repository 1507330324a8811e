using System.Globalization;
using System.Text;
using Tandem.Runtime.Runc.Logs;

namespace Tandem.Runtime.Runc;

/// <summary>
/// Copies a container's stdout and stderr into one file in the kubelet's CRI log format
/// (<c>2026-01-02T03:04:05.123456789Z stdout F text</c>), one line per line the container wrote;
/// a line longer than 16 KiB is cut into <c>P</c> (partial) records ended by an <c>F</c>, as
/// containerd does, so readers can put it back together. Runs in this process: no shim per container.
/// </summary>
internal sealed class CriLogWriter : IAsyncDisposable
{
    public const int MaxLineBytes = 16 * 1024;

    /// <summary>The kubelet's defaults for <c>containerLogMaxSize</c> (10Mi) and <c>containerLogMaxFiles</c> (5).</summary>
    public const long DefaultMaxSizeBytes = 10 * 1024 * 1024;
    public const int DefaultMaxFiles = 5;

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly long _maxSizeBytes;
    private readonly int _maxFiles;
    private readonly Lock _gate = new();
    private FileStream _file;
    private long _size;
    private Task _compaction = Task.CompletedTask;
    private bool _disposed;
    private RotatedLog? _lastRotation;

    public CriLogWriter(string path, TimeProvider time)
        : this(path, time, DefaultMaxSizeBytes, DefaultMaxFiles)
    {
    }

    /// <param name="maxSizeBytes">Rotate before the file would grow past this; 0 or less never rotates.</param>
    /// <param name="maxFiles">Files kept in total, the current one included; at least 2, as the kubelet requires.</param>
    public CriLogWriter(string path, TimeProvider time, long maxSizeBytes, int maxFiles)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _path = path;
        _time = time;
        _maxSizeBytes = maxSizeBytes;
        _maxFiles = Math.Max(maxFiles, 2);
        _file = Open(path);
        _size = _file.Length;
    }

    /// <summary>Copies one stream until the container closes it.</summary>
    public Task PumpAsync(Stream source, string streamName) => PumpAsync(source, streamName, null, CancellationToken.None);

    /// <summary>
    /// Copies one stream until the container closes it, showing each read to <paramref name="observe"/> (attachers).
    /// Cancelling stops between reads (this process detaches): a line begun but not ended is written as a partial
    /// record, so the next process's copy, which reads on from the same pipe, completes it.
    /// </summary>
    public async Task PumpAsync(Stream source, string streamName, Action<ReadOnlyMemory<byte>>? observe, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        var line = new MemoryStream();
        try
        {
            int n;
            while ((n = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                observe?.Invoke(buffer.AsMemory(0, n));
                var start = 0;
                for (var i = 0; i < n; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        line.Write(buffer, start, i - start);
                        Write(streamName, 'F', line);
                        start = i + 1;
                    }
                    else if (line.Length + (i - start) + 1 >= MaxLineBytes)
                    {
                        line.Write(buffer, start, i - start + 1);
                        Write(streamName, 'P', line);
                        start = i + 1;
                    }
                }
                line.Write(buffer, start, n - start);
            }
        }
        catch (IOException)
        {
            // The pipe broke (container killed mid-write): what arrived is logged below.
        }
        catch (OperationCanceledException)
        {
            if (line.Length > 0)
            {
                Write(streamName, 'P', line);
            }
            return;
        }
        catch (ObjectDisposedException)
        {
            // The container was given up on (failed start) and its log closed: nothing more to copy.
            return;
        }
        if (line.Length > 0)
        {
            // The stream ended without a newline: the text is complete, so it is a full record.
            Write(streamName, 'F', line);
        }
    }

    private void Write(string streamName, char tag, MemoryStream content)
    {
        // 100 ns ticks give seven fraction digits; the format has nine, as containerd writes.
        Span<byte> prefix = stackalloc byte[64];
        _time.GetUtcNow().UtcDateTime.TryFormat(prefix, out var length, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'00Z '", CultureInfo.InvariantCulture);
        length += Encoding.ASCII.GetBytes(streamName, prefix[length..]);
        prefix[length++] = (byte)' ';
        prefix[length++] = (byte)tag;
        prefix[length++] = (byte)' ';
        var recordLength = length + content.Length + 1;
        lock (_gate)
        {
            // After dispose no rotation may reopen the file; the pump treats this as the end.
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_maxSizeBytes > 0 && _size > 0 && _size + recordLength > _maxSizeBytes)
            {
                Rotate();
            }
            _file.Write(prefix[..length]);
            _file.Write(content.GetBuffer(), 0, (int)content.Length);
            _file.WriteByte((byte)'\n');
            _file.Flush();
            _size += recordLength;
        }
        content.SetLength(0);
    }

    /// <summary>Called under the lock, between records.</summary>
    private void Rotate()
    {
        _file.Dispose();
        try
        {
            var rotated = RotatedLogName.Next(_path, _time.GetUtcNow(), _lastRotation);
            File.Move(_path, rotated.Path);
            _lastRotation = rotated;
        }
        catch (IOException)
        {
            // Could not rename (disk trouble): keep appending to the same file rather than lose lines; try again after another max size.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
        _file = Open(_path);
        _size = _file.Length;
        var previous = _compaction;
        _compaction = Task.Run(async () =>
        {
            await previous.ConfigureAwait(false);
            try
            {
                RotatedLogCompactor.Compact(_path, _maxFiles);
            }
            catch (IOException)
            {
                // The directory went away (container removed): nothing left to compact.
            }
        });
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);

    public async ValueTask DisposeAsync()
    {
        Task compaction;
        lock (_gate)
        {
            _disposed = true;
            _file.Dispose();
            compaction = _compaction;
        }
        await compaction.ConfigureAwait(false);
    }
}
