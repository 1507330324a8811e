namespace Tandem.Model.Tests.Sources;

/// <summary>Explicit tags, and the values JSON cannot hold.</summary>
public sealed class ScalarConverterTests
{
    [Fact]
    public void Read_StrTag_KeepsPlainTextAsString()
    {
        Assert.Equal("0644", Reads.Value("!!str 0644")!.GetValue<string>());
        Assert.Equal("true", Reads.Value("!!str true")!.GetValue<string>());
    }

    [Fact]
    public void Read_IntTag_TypesQuotedText()
    {
        Assert.Equal(420L, Reads.Value("!!int \"0644\"")!.GetValue<long>());
    }

    [Fact]
    public void Read_FloatTag_AcceptsAnInteger()
    {
        Assert.Equal(3.0, Reads.Value("!!float 3")!.GetValue<double>());
    }

    [Fact]
    public void Read_BoolAndNullTags_TypeTheirWords()
    {
        Assert.False(Reads.Value("!!bool off")!.GetValue<bool>());
        Assert.Null(Reads.Value("!!null ~"));
    }

    [Fact]
    public void Read_LongFormTag_IsHonoured()
    {
        Assert.Equal(7L, Reads.Value("!<tag:yaml.org,2002:int> 7")!.GetValue<long>());
    }

    [Fact]
    public void Read_NonSpecificTag_MakesString()
    {
        Assert.Equal("3", Reads.Value("! 3")!.GetValue<string>());
    }

    [Fact]
    public void Read_BinaryTag_KeepsBase64Text()
    {
        var content = Reads.Document("data:\n  key: !!binary |\n    aGVs\n    bG8=\n").Content;

        Assert.Equal("aGVsbG8=", (string?)content["data"]!["key"]);
    }

    [Fact]
    public void Read_MapAndSeqTags_OnMatchingNodes_AreAccepted()
    {
        var content = Reads.Document("a: !!map {x: 1}\nb: !!seq [1]\n").Content;

        Assert.Equal("""{"a":{"x":1},"b":[1]}""", content.ToJsonString());
    }

    [Theory]
    [InlineData("v: !!int abc\n", "1:4", "\"abc\" is not a valid !!int value")]
    [InlineData("v: !!bool maybe\n", "1:4", "not a valid !!bool value")]
    [InlineData("v: !!null x\n", "1:4", "not a valid !!null value")]
    [InlineData("v: !!float x\n", "1:4", "not a valid !!float value")]
    [InlineData("v: !!binary '@@@'\n", "1:4", "not valid base64")]
    [InlineData("v: !!map 1\n", "1:4", "tag !!map is on a single value")]
    [InlineData("v: !!str [1]\n", "1:4", "tag !!str is on a list")]
    [InlineData("v: !!seq {a: 1}\n", "1:4", "tag !!seq is on a mapping")]
    public void Read_TagThatDoesNotFit_IsAnErrorAtTheValue(string yaml, string position, string says)
    {
        Reads.At(Reads.Failure(yaml), position, says);
    }

    [Theory]
    [InlineData("v: !foo 1\n", "1:4", "unknown tag \"!foo\"")]
    [InlineData("v: !!timestamp 2001-12-14\n", "1:4", "unknown tag \"!!timestamp\"")]
    [InlineData("v: !Ref {a: 1}\n", "1:4", "unknown tag \"!Ref\"")]
    [InlineData("v:\n- !!set [1]\n", "2:3", "unknown tag \"!!set\"")]
    [InlineData("v: !<tag:example.com,2000:app/x> 1\n", "1:4", "unknown tag \"tag:example.com,2000:app/x\"")]
    public void Read_UnknownTag_NamesTheTagAndPosition(string yaml, string position, string says)
    {
        Reads.At(Reads.Failure(yaml), position, says);
    }

    [Theory]
    [InlineData(".nan", "not-a-number")]
    [InlineData(".NaN", "not-a-number")]
    [InlineData(".NAN", "not-a-number")]
    [InlineData(".inf", "infinity")]
    [InlineData(".Inf", "infinity")]
    [InlineData(".INF", "infinity")]
    [InlineData("+.inf", "infinity")]
    [InlineData("-.inf", "infinity")]
    [InlineData("-.INF", "infinity")]
    [InlineData("!!float .nan", "not-a-number")]
    public void Read_NanOrInfinity_IsAnErrorAtTheValue(string scalar, string says)
    {
        var error = Reads.Failure("a: 1\nv: " + scalar + "\n");

        Reads.At(error, "2:4", says);
        Assert.Contains("quote it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedNan_StaysString()
    {
        Assert.Equal(".nan", Reads.Value("\".nan\"")!.GetValue<string>());
    }
}
