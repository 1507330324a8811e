using Tandem.Server.Tables;

namespace Tandem.Server.Tests.Tables;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(-3, "<invalid>")]
    [InlineData(-2, "<invalid>")]
    [InlineData(-1.5, "0s")]
    [InlineData(-1, "0s")]
    [InlineData(-0.5, "0s")]
    [InlineData(0, "0s")]
    [InlineData(1.9, "1s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(125, "2m5s")]
    [InlineData(599, "9m59s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 - 1, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(3 * 3600 + 60, "3h1m")]
    [InlineData(8 * 3600 - 1, "7h59m")]
    [InlineData(8 * 3600, "8h")]
    [InlineData(48 * 3600 - 1, "47h")]
    [InlineData(48 * 3600, "2d")]
    [InlineData(50 * 3600, "2d2h")]
    [InlineData(8 * 86400 - 1, "7d23h")]
    [InlineData(8 * 86400, "8d")]
    [InlineData(730 * 86400 - 1, "729d")]
    [InlineData(730 * 86400, "2y")]
    [InlineData(731 * 86400, "2y1d")]
    [InlineData(8 * 365 * 86400, "8y")]
    [InlineData(9 * 365 * 86400 + 86400, "9y")]
    public void Format_MatchesKubectl(double seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Since_MissingTimestamp_IsUnknown()
    {
        var now = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("<unknown>", HumanDuration.Since(null, now));
        Assert.Equal("<unknown>", HumanDuration.Since(default(DateTimeOffset), now));
        Assert.Equal("16s", HumanDuration.Since(now.AddSeconds(-16), now));
    }
}
