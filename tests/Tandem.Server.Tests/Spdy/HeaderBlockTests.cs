using System.IO.Compression;
using Tandem.Server.Spdy;

namespace Tandem.Server.Tests.Spdy;

public sealed class HeaderBlockTests
{
    private static byte[][] Lines(string file) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Spdy", "TestData", file))
            .Where(l => l.Length > 0).Select(Convert.FromHexString)];

    [Fact]
    public void Dictionary_IsTheSpdy3DictionaryByLengthAndAdler32()
    {
        var bytes = SpdyDictionary.Bytes.ToArray();
        Assert.Equal(1423, bytes.Length);
        uint a = 1, b = 0;
        foreach (var x in bytes)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }
        Assert.Equal(SpdyDictionary.Id, (b << 16) | a);
    }

    [Fact]
    public void Decoder_ReadsSuccessiveBlocksCompressedWithTheDictionaryByAnotherZlib()
    {
        using var decoder = new HeaderBlockDecoder();
        var blocks = Lines("python-zlib-dictionary-blocks.hex");

        var first = decoder.Decode(blocks[0]);
        var second = decoder.Decode(blocks[1]);
        var third = decoder.Decode(blocks[2]);

        Assert.Equal([new("streamtype", "error"), new("port", "8080"), new("requestid", "0")], first.Pairs);
        Assert.Equal([new("streamtype", "data"), new("port", "8080"), new("requestid", "0")], second.Pairs);
        Assert.Equal("text/plain", third["content-type"]);
        Assert.Equal("gzip,deflate", third["accept-encoding"]);
        Assert.Equal("a", third["x-many"]);
        Assert.Equal("a\0b", third.Pairs[2].Value);
    }

    [Fact]
    public async Task Reader_DecodesTheSynStreamsKubectl127Sent()
    {
        var bytes = Lines("kubectl-1.27-exec-syn-streams.hex").SelectMany(b => b).ToArray();
        using var reader = new SpdyFrameReader(new MemoryStream(bytes));
        var frames = new List<SpdyFrame.SynStream>();
        while (await reader.ReadAsync(CancellationToken.None) is { } frame)
        {
            frames.Add(Assert.IsType<SpdyFrame.SynStream>(frame));
        }

        Assert.Equal([1u, 3u, 5u], frames.Select(f => f.StreamId));
        Assert.Equal(["error", "stdout", "stderr"], frames.Select(f => f.Headers["streamtype"]));
        Assert.All(frames, f => Assert.False(f.Fin));
    }

    [Fact]
    public void Encoder_EndsEveryBlockWithASyncFlushAndStartsTheStreamOnce()
    {
        var encoder = new HeaderBlockEncoder();
        var first = encoder.Encode(SpdyHeaders.Empty);
        var second = encoder.Encode(new SpdyHeaders([new("streamtype", "data")]));

        Assert.Equal([0x78, 0x01], first[..2]);
        Assert.NotEqual(0x78, second[0]);
        Assert.Equal([0x00, 0x00, 0x00, 0xFF, 0xFF], first[^5..]);
        Assert.Equal([0x00, 0x00, 0x00, 0xFF, 0xFF], second[^5..]);
    }

    [Fact]
    public void Encoder_OutputIsOneZlibStreamAStandardInflaterReadsBlockByBlock()
    {
        var encoder = new HeaderBlockEncoder();
        var big = new string('x', 70_000);
        var blocks = new[]
        {
            new SpdyHeaders([new("a", "1")]),
            new SpdyHeaders([new("big", big), new("b", "2")]),
            SpdyHeaders.Empty,
        };
        var stream = new MemoryStream();
        var expected = new MemoryStream();
        foreach (var block in blocks)
        {
            stream.Write(encoder.Encode(block));
            expected.Write(HeaderBlockEncoder.Serialize(block));
        }
        stream.Position = 0;
        using var zlib = new ZLibStream(stream, CompressionMode.Decompress);
        var inflated = new byte[expected.Length];
        zlib.ReadExactly(inflated);

        Assert.Equal(expected.ToArray(), inflated);
    }

    [Fact]
    public void Decoder_ReadsTheEncodersBlocks()
    {
        var encoder = new HeaderBlockEncoder();
        using var decoder = new HeaderBlockDecoder();
        for (var i = 0; i < 5; i++)
        {
            var headers = decoder.Decode(encoder.Encode(new SpdyHeaders([new("requestid", i.ToString(System.Globalization.CultureInfo.InvariantCulture))])));
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), headers["requestid"]);
        }
    }
}
