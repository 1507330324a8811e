namespace Tandem.Node.Logs;

/// <summary>
/// Reads one open log file record by record. A record is returned only once its newline is in:
/// the writer may be half-way through one when the reader catches up, and the rest arrives later.
/// The file is opened with delete sharing so rotation can rename it while it is read.
/// </summary>
internal sealed class LogFileCursor : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;

    private readonly FileStream _file;
    private readonly string? _openedAs;
    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start;
    private int _end;

    private LogFileCursor(FileStream file)
    {
        _file = file;
        _openedAs = CurrentName();
    }

    /// <summary>File offset just past the last record taken.</summary>
    public long Offset => _file.Position - (_end - _start);

    /// <summary>Opens <paramref name="path"/> at <paramref name="offset"/>; null when there is no such file.</summary>
    public static LogFileCursor? TryOpen(string path, long offset)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        file.Position = offset;
        return new LogFileCursor(file);
    }

    /// <summary>The next complete record, without its newline; false when the buffer holds none (call <see cref="FillAsync"/>).</summary>
    public bool TryTakeRecord(out ReadOnlyMemory<byte> record)
    {
        var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
        if (newline < 0)
        {
            record = default;
            return false;
        }
        record = _buffer.AsMemory(_start, newline);
        _start += newline + 1;
        return true;
    }

    /// <summary>Reads more of the file into the buffer; false at the end of what is written so far.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            // Keep the unfinished record at the front so a record is always one contiguous span.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            // A record longer than the buffer (not from our writer, which cuts at 16 KiB): grow for it.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = await _file.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }

    /// <summary>
    /// True when <paramref name="path"/> no longer names the file this cursor reads: rotation
    /// renamed it, or it was deleted. Seen through <c>/proc/self/fd</c>, which shows an open file's
    /// current name (compared with the name it had when opened, so symbolic links in the path do
    /// not matter); where that is missing, a file at the path shorter than what was read counts.
    /// </summary>
    public bool IsReplaced(string path)
    {
        if (_openedAs is not null && CurrentName() is { } current)
        {
            return current != _openedAs;
        }
        var info = new FileInfo(path);
        return !info.Exists || info.Length < _file.Position;
    }

    private string? CurrentName()
    {
        try
        {
            return File.ResolveLinkTarget($"/proc/self/fd/{_file.SafeFileHandle.DangerousGetHandle()}", returnFinalTarget: false)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
