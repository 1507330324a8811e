using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Tandem.Server.Spdy;

/// <summary>
/// Inflates the client's header blocks: one zlib stream for the whole connection, each block a continuation of it
/// ending in a sync flush, compressed against <see cref="SpdyDictionary"/>. .NET's inflater has no preset-dictionary
/// call, so the dictionary is put into its window another way (spec §13.2): the zlib header and DICTID are stripped,
/// the raw inflater is first fed a non-final stored block holding the dictionary, and its 1423 output bytes are
/// discarded. Back-references into the dictionary then resolve against the window as zlib's own SetDictionary would.
/// </summary>
internal sealed class HeaderBlockDecoder : IDisposable
{
    private const int MaxHeaderBytes = 1 << 20;
    private readonly InputQueue _input = new();
    private readonly DeflateStream _inflater;
    private bool _started;

    public HeaderBlockDecoder()
    {
        _inflater = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
    }

    public SpdyHeaders Decode(ReadOnlySpan<byte> block)
    {
        if (!_started)
        {
            block = Start(block);
            _started = true;
        }
        _input.Append(block);
        var count = ReadUInt32();
        if (count > 4096)
        {
            throw new InvalidDataException($"SPDY header block announces {count} headers");
        }
        var pairs = new List<KeyValuePair<string, string>>((int)count);
        for (var i = 0; i < count; i++)
        {
            var name = ReadString();
            var value = ReadString();
            pairs.Add(new(name, value));
        }
        return new SpdyHeaders(pairs);
    }

    public void Dispose() => _inflater.Dispose();

    /// <summary>Checks the zlib header of the connection's first block and primes the window when FDICT is set.</summary>
    private ReadOnlySpan<byte> Start(ReadOnlySpan<byte> block)
    {
        if (block.Length < 2 || (block[0] & 0x0F) != 8 || ((block[0] << 8) | block[1]) % 31 != 0)
        {
            throw new InvalidDataException("SPDY header block does not start with a zlib header");
        }
        if ((block[1] & 0x20) == 0)
        {
            return block[2..];
        }
        if (block.Length < 6 || BinaryPrimitives.ReadUInt32BigEndian(block[2..]) != SpdyDictionary.Id)
        {
            throw new InvalidDataException("SPDY header block names a zlib dictionary other than SPDY/3's");
        }
        var dictionary = SpdyDictionary.Bytes;
        Span<byte> stored = stackalloc byte[5];
        stored[0] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(stored[1..], (ushort)dictionary.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(stored[3..], (ushort)~dictionary.Length);
        _input.Append(stored);
        _input.Append(dictionary);
        ReadExactly(dictionary.Length);
        return block[6..];
    }

    private uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(ReadExactly(4));

    private string ReadString()
    {
        var length = ReadUInt32();
        if (length > MaxHeaderBytes)
        {
            throw new InvalidDataException($"SPDY header of {length} bytes");
        }
        return Encoding.UTF8.GetString(ReadExactly((int)length));
    }

    private byte[] ReadExactly(int length)
    {
        var bytes = new byte[length];
        var done = 0;
        while (done < length)
        {
            var read = _inflater.Read(bytes, done, length - done);
            if (read == 0)
            {
                throw new InvalidDataException("SPDY header block ends before its headers do");
            }
            done += read;
        }
        return bytes;
    }

    /// <summary>The compressed bytes received so far; reading past them reports end of input, not a wait.</summary>
    private sealed class InputQueue : Stream
    {
        private byte[] _buffer = new byte[4096];
        private int _start;
        private int _end;

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (_end + bytes.Length > _buffer.Length)
            {
                var pending = _end - _start;
                var bigger = pending + bytes.Length > _buffer.Length ? new byte[Math.Max(_buffer.Length * 2, pending + bytes.Length)] : _buffer;
                Array.Copy(_buffer, _start, bigger, 0, pending);
                _buffer = bigger;
                _start = 0;
                _end = pending;
            }
            bytes.CopyTo(_buffer.AsSpan(_end));
            _end += bytes.Length;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(buffer);
            _start += n;
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
