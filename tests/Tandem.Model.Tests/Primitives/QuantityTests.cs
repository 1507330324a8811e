using Tandem.Model.Primitives;

namespace Tandem.Model.Tests.Primitives;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("0.5", "500m")]
    [InlineData("1.5", "1500m")]
    [InlineData("0.1", "100m")]
    [InlineData("100m", "100m")]
    [InlineData("1000m", "1")]
    [InlineData("1000", "1k")]
    [InlineData("1000k", "1M")]
    [InlineData("1100", "1100")]
    [InlineData("1k", "1k")]
    [InlineData("0", "0")]
    [InlineData("0Mi", "0")]
    [InlineData("1Gi", "1Gi")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("1024Ki", "1Mi")]
    [InlineData("0.5Ki", "512")]
    [InlineData("5.5Mi", "5632Ki")]
    [InlineData("1e3", "1e3")]
    [InlineData("1E6", "1e6")]
    [InlineData("12e-3", "12e-3")]
    [InlineData("1.5e3", "1500")]
    [InlineData("1E", "1E")]
    [InlineData("-1", "-1")]
    [InlineData("+2", "2")]
    [InlineData(".5", "500m")]
    [InlineData("0.1n", "1n")]
    [InlineData("0.0000000001", "1n")]
    [InlineData("1u", "1u")]
    [InlineData("2000u", "2m")]
    public void Parse_ThenToString_GivesTheApiServersCanonicalForm(string written, string canonical)
    {
        Assert.Equal(canonical, Quantity.Parse(written).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("Gi")]
    [InlineData("1 Gi")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("1Kb")]
    [InlineData("1KiB")]
    public void Parse_Malformed_GivesTheApiServersFormatMessage(string written)
    {
        Assert.False(Quantity.TryParse(written, out _, out var error));
        Assert.Equal(Quantity.FormatError, error);
    }

    [Theory]
    [InlineData("5mm")]
    [InlineData("2KM")]
    [InlineData("1iK")]
    public void Parse_UnknownSuffix_SaysSo(string written)
    {
        Assert.False(Quantity.TryParse(written, out _, out var error));
        Assert.Equal("unable to parse quantity's suffix", error);
    }

    [Fact]
    public void Equality_ComparesAmountsNotText()
    {
        Assert.Equal(Quantity.Parse("1Gi"), Quantity.Parse("1024Mi"));
        Assert.Equal(Quantity.Parse("0.5"), Quantity.Parse("500m"));
        Assert.True(Quantity.Parse("250m") < Quantity.Parse("1"));
        Assert.True(Quantity.Parse("1G") < Quantity.Parse("1Gi"));
    }
}
