using System.IO.Compression;
using Tandem.Runtime.Runc.Logs;

namespace Tandem.Node.Logs;

/// <summary>
/// Reads one log file record by record. A record is returned only once its newline is in: the
/// writer may be half-way through one when the reader catches up, and the rest arrives later.
/// Files are opened with delete sharing so rotation can rename or remove them while they are read;
/// a rotated file may be gzip-compressed.
/// </summary>
internal sealed class LogFileCursor : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;
    private const string DeletedSuffix = " (deleted)";

    private readonly FileStream _file;
    private readonly Stream _content;
    private readonly string? _openedAs;
    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start;
    private int _end;

    private LogFileCursor(FileStream file, Stream content, RotatedLog? rotated)
    {
        _file = file;
        _content = content;
        Rotated = rotated;
        _openedAs = LinkTarget();
    }

    /// <summary>The rotated file this cursor was opened on (complete, no longer written); null for the live log.</summary>
    public RotatedLog? Rotated { get; }

    /// <summary>File offset just past the last record taken (uncompressed files only).</summary>
    public long Offset => _file.Position - (_end - _start);

    /// <summary>Opens the live log at <paramref name="path"/> at <paramref name="offset"/>; null when there is no such file.</summary>
    public static LogFileCursor? TryOpen(string path, long offset)
    {
        if (OpenShared(path) is not { } file)
        {
            return null;
        }
        file.Position = offset;
        return new LogFileCursor(file, file, rotated: null);
    }

    /// <summary>
    /// Opens a rotated file from its start; when the plain file has meanwhile been compressed and
    /// removed, its <c>.gz</c>. Null when neither exists any more (deleted as the oldest).
    /// </summary>
    public static LogFileCursor? TryOpenRotated(RotatedLog rotated)
    {
        if (!rotated.Compressed && OpenShared(rotated.Path) is { } plain)
        {
            return new LogFileCursor(plain, plain, rotated);
        }
        var compressedPath = rotated.Compressed ? rotated.Path : rotated.Path + RotatedLogName.CompressedSuffix;
        if (OpenShared(compressedPath) is { } compressed)
        {
            return new LogFileCursor(compressed, new GZipStream(compressed, CompressionMode.Decompress), rotated with { Path = compressedPath, Compressed = true });
        }
        return null;
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
        int read;
        try
        {
            read = await _content.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            // A corrupt .gz: what was read stands, the rest of this file is skipped.
            read = 0;
        }
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
        if (_openedAs is not null && LinkTarget() is { } current)
        {
            return current != _openedAs;
        }
        var info = new FileInfo(path);
        return !info.Exists || info.Length < _file.Position;
    }

    /// <summary>The open file's current name (after a rename, the new one; also once it is deleted); null without procfs.</summary>
    public string? CurrentName() =>
        LinkTarget() is { } target && target.EndsWith(DeletedSuffix, StringComparison.Ordinal) ? target[..^DeletedSuffix.Length] : LinkTarget();

    public void Dispose()
    {
        _content.Dispose();
        _file.Dispose();
    }

    private string? LinkTarget()
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

    private static FileStream? OpenShared(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
