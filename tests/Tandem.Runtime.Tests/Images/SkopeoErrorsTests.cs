using Tandem.Runtime.Images;

namespace Tandem.Runtime.Tests.Images;

public sealed class SkopeoErrorsTests
{
    [Theory]
    [InlineData("time=\"x\" level=fatal msg=\"initializing source docker://r/x:1: reading manifest 1 in r/x: manifest unknown: manifest unknown\"", RuntimeErrorCode.NotFound)]
    [InlineData("level=fatal msg=\"pinging container registry r: Get \\\"http://r/v2/\\\": dial tcp 127.0.0.1:1: connect: connection refused\"", RuntimeErrorCode.Unavailable)]
    [InlineData("level=fatal msg=\"initializing source docker://r/x:1: reading manifest 1 in r/x: unauthorized: authentication required\"", RuntimeErrorCode.FailedPrecondition)]
    [InlineData("level=fatal msg=\"something else\"", RuntimeErrorCode.Internal)]
    public void Classify_MapsSkopeoMessagesToCodes(string stderr, RuntimeErrorCode expected)
    {
        Assert.Equal(expected, SkopeoErrors.Classify("r/x:1", "r", stderr).Code);
    }

    [Fact]
    public void LastMessage_IsTheFatalLinesMessage()
    {
        Assert.Equal("reading manifest: \"x\" unknown", SkopeoErrors.LastMessage("noise\ntime=\"t\" level=fatal msg=\"reading manifest: \\\"x\\\" unknown\"\n"));
    }
}
