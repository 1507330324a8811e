using Microsoft.Win32.SafeHandles;
using Tandem.Sidecars.LogShipper.Checkpoints;
using Tandem.Sidecars.LogShipper.Configuration;

namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>
/// One open file and the stream being read from it. The handle stays open across renames and
/// deletion, so a rotated file is read to its end; reads use <c>pread</c> at our own offset.
/// </summary>
public sealed class TailedFile : IDisposable
{
    private readonly InputConfig _input;
    private readonly LineSplitter _splitter;
    private readonly CriDecoder? _cri;
    private readonly MultilineJoiner? _multiline;
    private readonly List<RawLine> _lines = [];
    private readonly List<RawLine> _assembled = [];

    public TailedFile(SafeFileHandle handle, FileIdentity identity, string path, byte[] prefix, TrackedStream stream, long readOffset, InputConfig input)
    {
        Handle = handle;
        Identity = identity;
        Path = path;
        Prefix = prefix;
        Stream = stream;
        ReadOffset = readOffset;
        _input = input;
        _splitter = new LineSplitter((int)input.MaxLineBytes.Bytes);
        _cri = input.Format == LineFormat.Cri ? new CriDecoder((int)input.MaxLineBytes.Bytes) : null;
        _multiline = input.Multiline is { } m ? new MultilineJoiner(m) : null;
    }

    public SafeFileHandle Handle { get; }

    public FileIdentity Identity { get; }

    public string Path { get; set; }

    /// <summary>The first bytes of the file as last read (up to the fingerprint size).</summary>
    public byte[] Prefix { get; private set; }

    public TrackedStream Stream { get; private set; }

    /// <summary>Bytes consumed so far (lines may be pending in the splitter or joiner).</summary>
    public long ReadOffset { get; private set; }

    public long LastSize { get; set; } = -1;

    public long LastModified { get; set; }

    /// <summary>When a glob last matched this file; unmatched files are closed after the rotate wait.</summary>
    public long LastMatchedTimestamp { get; set; }

    /// <summary>Checks that the file still holds the same content start; false when it was truncated or rewritten.</summary>
    public bool StillSameContent(long size, out byte[] prefix)
    {
        prefix = ReadPrefix(Handle, size, _input.FingerprintBytes);
        if (size < ReadOffset)
        {
            return false;
        }
        var common = Math.Min(prefix.Length, Prefix.Length);
        return prefix.AsSpan(0, common).SequenceEqual(Prefix.AsSpan(0, common));
    }

    public void UpdatePrefix(byte[] prefix) => Prefix = prefix;

    /// <summary>The file was truncated: continue with a new stream from its start.</summary>
    public void Restart(TrackedStream stream, byte[] prefix)
    {
        Stream = stream;
        Prefix = prefix;
        ReadOffset = 0;
        _splitter.Reset();
        _cri?.Reset();
        _multiline?.Reset();
    }

    /// <summary>Reads up to <paramref name="maxBytes"/> of new data and returns the complete lines in it.</summary>
    public List<RawLine> Read(byte[] buffer, long size, long maxBytes, TimeProvider time)
    {
        _lines.Clear();
        long read = 0;
        while (ReadOffset < size && read < maxBytes)
        {
            var want = (int)Math.Min(buffer.Length, size - ReadOffset);
            var n = RandomAccess.Read(Handle, buffer.AsSpan(0, want), ReadOffset);
            if (n <= 0)
            {
                break;
            }
            _splitter.Feed(buffer.AsSpan(0, n), ReadOffset, _lines);
            ReadOffset += n;
            read += n;
        }
        return Assemble(time, force: false);
    }

    /// <summary>Emits a pending multi-line event whose timeout passed (or any, when forced at shutdown).</summary>
    public List<RawLine> FlushPending(TimeProvider time, bool force)
    {
        _lines.Clear();
        return Assemble(time, force);
    }

    public void Dispose() => Handle.Dispose();

    internal static byte[] ReadPrefix(SafeFileHandle handle, long size, int fingerprintBytes)
    {
        var prefix = new byte[(int)Math.Min(size, fingerprintBytes)];
        var filled = 0;
        while (filled < prefix.Length)
        {
            var n = RandomAccess.Read(handle, prefix.AsSpan(filled), filled);
            if (n <= 0)
            {
                return prefix[..filled];
            }
            filled += n;
        }
        return prefix;
    }

    private List<RawLine> Assemble(TimeProvider time, bool force)
    {
        if (_cri is null && _multiline is null)
        {
            return _lines;
        }
        _assembled.Clear();
        List<RawLine> stage = _lines;
        if (_cri is not null)
        {
            var decoded = new List<RawLine>(_lines.Count);
            foreach (var line in _lines)
            {
                _cri.Push(line, decoded);
            }
            stage = decoded;
        }
        if (_multiline is null)
        {
            _assembled.AddRange(stage);
            return _assembled;
        }
        var now = time.GetTimestamp();
        foreach (var line in stage)
        {
            _multiline.Push(line, now, _assembled);
        }
        _multiline.Flush(time, force, _assembled);
        return _assembled;
    }
}
