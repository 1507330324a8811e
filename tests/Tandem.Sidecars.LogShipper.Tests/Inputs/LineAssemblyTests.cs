using System.Text;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Inputs;
using Tandem.Testing;

namespace Tandem.Sidecars.LogShipper.Tests.Inputs;

/// <summary>Splitting, CRI decoding and multi-line joining, fed byte by byte where it matters.</summary>
public sealed class LineAssemblyTests
{
    [Fact]
    public void Splitter_LinesAcrossReads_AreJoinedWithOffsetsAfterTheirNewline()
    {
        var splitter = new LineSplitter(1024);
        var lines = new List<RawLine>();
        var data = "one\r\ntwo\nthr"u8.ToArray();
        splitter.Feed(data, 0, lines);
        splitter.Feed("ee\n"u8, data.Length, lines);
        Assert.Equal(["one", "two", "three"], lines.Select(l => Encoding.UTF8.GetString(l.Bytes)));
        Assert.Equal([5L, 9L, 15L], lines.Select(l => l.EndOffset));
        Assert.False(splitter.HasPartialLine);
    }

    [Fact]
    public void Splitter_LongLine_IsCutAtTheMaximumAndEndsAtItsNewline()
    {
        var splitter = new LineSplitter(64);
        var lines = new List<RawLine>();
        var line = new string('a', 200) + "\nnext\n";
        foreach (var (b, i) in Encoding.ASCII.GetBytes(line).Select((b, i) => (b, i)))
        {
            splitter.Feed([b], i, lines);
        }
        Assert.Equal(64, lines[0].Bytes.Length);
        Assert.True(lines[0].Truncated);
        Assert.Equal(201, lines[0].EndOffset);
        Assert.Equal("next", Encoding.ASCII.GetString(lines[1].Bytes));
        Assert.False(lines[1].Truncated);
    }

    [Fact]
    public void Cri_PartialLines_AreJoinedWithTimeAndStream()
    {
        var cri = new CriDecoder(1024);
        var output = new List<RawLine>();
        cri.Push(Line("2026-11-21T20:00:00.123456789Z stderr P first half "), output);
        Assert.Empty(output);
        cri.Push(Line("2026-11-21T20:00:00.223456789Z stderr F second half"), output);
        var joined = Assert.Single(output);
        Assert.Equal("first half second half", Encoding.UTF8.GetString(joined.Bytes));
        Assert.Equal("stderr", joined.Stream);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero).AddTicks(2234567), joined.Time);
    }

    [Fact]
    public void Cri_LineWithoutThePrefix_PassesThroughUnchanged()
    {
        var output = new List<RawLine>();
        new CriDecoder(1024).Push(Line("plain text"), output);
        Assert.Equal("plain text", Encoding.UTF8.GetString(Assert.Single(output).Bytes));
    }

    [Fact]
    public void Multiline_StackTrace_IsOneEvent_EndedByTheNextStartOrTheTimeout()
    {
        var clock = new ManualTimeProvider();
        var joiner = new MultilineJoiner(new MultilineConfig { StartPattern = @"^\S", Timeout = TimeSpan.FromSeconds(1) });
        var output = new List<RawLine>();
        joiner.Push(Line("Exception: boom", 16), clock.GetTimestamp(), output);
        joiner.Push(Line("   at A.B()", 28), clock.GetTimestamp(), output);
        joiner.Push(Line("   at C.D()", 40), clock.GetTimestamp(), output);
        joiner.Push(Line("next event", 51), clock.GetTimestamp(), output);
        var trace = Assert.Single(output);
        Assert.Equal("Exception: boom\n   at A.B()\n   at C.D()", Encoding.UTF8.GetString(trace.Bytes));
        Assert.Equal(40, trace.EndOffset);
        joiner.Flush(clock, force: false, output);
        Assert.Single(output);
        clock.Advance(TimeSpan.FromSeconds(1));
        joiner.Flush(clock, force: false, output);
        Assert.Equal("next event", Encoding.UTF8.GetString(output[1].Bytes));
    }

    [Fact]
    public void Multiline_EventReachingMaxBytes_IsCutAndMarked()
    {
        var clock = new ManualTimeProvider();
        var joiner = new MultilineJoiner(new MultilineConfig { StartPattern = "^E", MaxBytes = new ByteSize(64) });
        var output = new List<RawLine>();
        joiner.Push(Line("E start"), clock.GetTimestamp(), output);
        for (var i = 0; i < 20; i++)
        {
            joiner.Push(Line("  continuation line"), clock.GetTimestamp(), output);
        }
        joiner.Flush(clock, force: true, output);
        var e = Assert.Single(output);
        Assert.True(e.Truncated);
        Assert.True(e.Bytes.Length <= 64);
    }

    private static RawLine Line(string text, long end = 0) => new(Encoding.UTF8.GetBytes(text), end, false);
}
