using Tandem.Node.Lifecycle;

namespace Tandem.Node.Tests.Lifecycle;

public sealed class BackOffTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FirstCrash_IsNotInBackOff_R20()
    {
        Assert.False(BackOffTable.Empty.IsInBackOffSince("c", T0, T0));
    }

    [Fact]
    public void Delays_Double_From10s_To300sCap_R20()
    {
        var table = BackOffTable.Empty;
        var delays = new List<double>();
        var now = T0;
        for (var i = 0; i < 8; i++)
        {
            table = table.Next("c", now, now);
            delays.Add(table.Get("c").TotalSeconds);
            now += table.Get("c");
        }
        Assert.Equal([10, 20, 40, 80, 160, 300, 300, 300], delays);
    }

    [Fact]
    public void Entry_ExpiresAfter600s_AndStartsOverAt10s_R20()
    {
        var table = BackOffTable.Empty.Next("c", T0, T0).Next("c", T0, T0);
        Assert.Equal(TimeSpan.FromSeconds(20), table.Get("c"));
        var late = T0.AddSeconds(601);
        Assert.False(table.IsInBackOffSince("c", late, late));
        Assert.Equal(TimeSpan.FromSeconds(10), table.Next("c", late, late).Get("c"));
    }

    [Fact]
    public void IsInBackOffSince_MeasuresFromTheExit_R20()
    {
        var table = BackOffTable.Empty.Next("c", T0, T0);
        var exit = T0.AddSeconds(30);
        Assert.True(table.IsInBackOffSince("c", exit, exit.AddSeconds(9.9)));
        Assert.False(table.IsInBackOffSince("c", exit, exit.AddSeconds(10)));
    }

    [Fact]
    public void ImagePull_BackOff_IsMeasuredFromTheLastFailedPull_R11()
    {
        var table = BackOffTable.Empty.Next("img", T0, T0);
        Assert.True(table.IsInBackOffSinceUpdate("img", T0.AddSeconds(5)));
        Assert.False(table.IsInBackOffSinceUpdate("img", T0.AddSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(20), table.Next("img", T0.AddSeconds(10), T0.AddSeconds(10)).Get("img"));
    }

    [Fact]
    public void RestartKey_ChangesWithTheImage_SoAnImageChangeResetsBackOff_R20()
    {
        Assert.NotEqual(BackOffTable.RestartKey("c", "a:1"), BackOffTable.RestartKey("c", "a:2"));
    }

    [Theory]
    [InlineData(10, "10s")]
    [InlineData(80, "1m20s")]
    [InlineData(160, "2m40s")]
    [InlineData(300, "5m0s")]
    [InlineData(3600, "1h0m0s")]
    [InlineData(1.5, "1.5s")]
    [InlineData(0, "0s")]
    public void GoDuration_FormatsLikeGo_R20(double seconds, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
