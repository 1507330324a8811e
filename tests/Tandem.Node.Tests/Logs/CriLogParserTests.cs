using System.Text;
using Tandem.Node.Logs;

namespace Tandem.Node.Tests.Logs;

public sealed class CriLogParserTests
{
    [Fact]
    public void FullRecord_GivesTimeStreamAndTextWithItsSpaces()
    {
        var status = Parse("2026-01-02T03:04:05.123456789Z stderr F hello  big world ", out var timestamp, out var stream, out var partial, out var text);

        Assert.Equal(CriParseStatus.Ok, status);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567), timestamp);
        Assert.Equal(LogStream.Stderr, stream);
        Assert.False(partial);
        Assert.Equal("hello  big world ", text);
    }

    [Fact]
    public void PartialTag_WithExtraTags_IsPartial()
    {
        Assert.Equal(CriParseStatus.Ok, Parse("2026-01-02T03:04:05Z stdout P:x text", out _, out var stream, out var partial, out var text));
        Assert.Equal(LogStream.Stdout, stream);
        Assert.True(partial);
        Assert.Equal("text", text);
    }

    [Fact]
    public void EmptyLine_HasEmptyText()
    {
        Assert.Equal(CriParseStatus.Ok, Parse("2026-01-02T03:04:05.1Z stdout F ", out _, out _, out _, out var text));
        Assert.Equal("", text);
    }

    [Theory]
    [InlineData("2026-01-02T05:04:05.5+02:00", "2026-01-02T03:04:05.5000000Z")]
    [InlineData("2026-01-01T23:30:00-04:00", "2026-01-02T03:30:00.0000000Z")]
    [InlineData("2024-02-29T00:00:00.000000001Z", "2024-02-29T00:00:00.0000000Z")]
    public void Timestamps_WithOffsetsAndShortFractions_AreConvertedToUtc(string text, string expected)
    {
        Assert.True(CriLogParser.TryParseTimestamp(Encoding.ASCII.GetBytes(text), out var timestamp));
        Assert.Equal(TimeSpan.Zero, timestamp.Offset);
        Assert.Equal(expected, timestamp.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("", CriParseStatus.BadTimestamp)]
    [InlineData("garbage", CriParseStatus.BadTimestamp)]
    [InlineData("2026-13-02T03:04:05Z stdout F x", CriParseStatus.BadTimestamp)]
    [InlineData("2025-02-29T03:04:05Z stdout F x", CriParseStatus.BadTimestamp)]
    [InlineData("2026-01-02T03:04:05.1234567890Z stdout F x", CriParseStatus.BadTimestamp)]
    [InlineData("2026-01-02T03:04:05 stdout F x", CriParseStatus.BadTimestamp)]
    [InlineData("2026-01-02T03:04:05.Z stdout F x", CriParseStatus.BadTimestamp)]
    [InlineData("2026-01-02T03:04:05Z stdin F x", CriParseStatus.BadStream)]
    [InlineData("2026-01-02T03:04:05Z stdout", CriParseStatus.BadStream)]
    [InlineData("2026-01-02T03:04:05Z stdout X x", CriParseStatus.BadTag)]
    [InlineData("2026-01-02T03:04:05Z stdout F", CriParseStatus.BadTag)]
    [InlineData("2026-01-02T03:04:05Z stdout  x", CriParseStatus.BadTag)]
    public void MalformedLines_AreRejectedWithTheirReason(string line, CriParseStatus expected)
    {
        Assert.Equal(expected, CriLogParser.TryParse(Encoding.UTF8.GetBytes(line), out _));
    }

    private static CriParseStatus Parse(string line, out DateTimeOffset timestamp, out LogStream stream, out bool partial, out string text)
    {
        var status = CriLogParser.TryParse(Encoding.UTF8.GetBytes(line), out var record);
        timestamp = record.Timestamp;
        stream = record.Stream;
        partial = record.Partial;
        text = Encoding.UTF8.GetString(record.Content);
        return status;
    }
}
