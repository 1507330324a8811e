using System.Buffers.Binary;
using System.Text;

namespace Tandem.Server.Spdy;

/// <summary>
/// Compresses the server's header blocks as one zlib stream per connection, as SPDY/3 requires, using only stored
/// (uncompressed) deflate blocks: our blocks are a few bytes, so compression would gain nothing, and Go's zlib reader
/// needs no dictionary for a stream whose header does not set FDICT (spec §13.2). Every block ends with an empty
/// stored block, the sync-flush marker: without it Go's reader runs past the end of the frame looking for the next
/// deflate block and the connection's second SYN_REPLY never parses.
/// </summary>
internal sealed class HeaderBlockEncoder
{
    private const int MaxStoredBlock = ushort.MaxValue;
    private bool _started;

    public byte[] Encode(SpdyHeaders headers)
    {
        var raw = Serialize(headers);
        using var output = new MemoryStream(raw.Length + 16);
        if (!_started)
        {
            // CMF 0x78 (deflate, 32 KiB window), FLG 0x01: no dictionary, fastest level, header checksum valid.
            output.Write([0x78, 0x01]);
            _started = true;
        }
        var offset = 0;
        do
        {
            var length = Math.Min(MaxStoredBlock, raw.Length - offset);
            WriteStoredBlock(output, raw.AsSpan(offset, length));
            offset += length;
        }
        while (offset < raw.Length);
        WriteStoredBlock(output, []);
        return output.ToArray();
    }

    /// <summary>The uncompressed layout: a count, then each name and value prefixed by its 32-bit length.</summary>
    public static byte[] Serialize(SpdyHeaders headers)
    {
        using var raw = new MemoryStream();
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)headers.Pairs.Count);
        raw.Write(number);
        foreach (var (name, value) in headers.Pairs)
        {
            foreach (var text in new[] { name.ToLowerInvariant(), value })
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                BinaryPrimitives.WriteUInt32BigEndian(number, (uint)bytes.Length);
                raw.Write(number);
                raw.Write(bytes);
            }
        }
        return raw.ToArray();
    }

    /// <summary>A non-final stored block: header bits 000 (byte aligned, since every block before it is), LEN, ~LEN, bytes.</summary>
    private static void WriteStoredBlock(MemoryStream output, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(header[1..], (ushort)data.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[3..], (ushort)~data.Length);
        output.Write(header);
        output.Write(data);
    }
}
