using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Model.Tests.Sources;

/// <summary>Plain scalars are typed as kubectl (go-yaml v2, YAML 1.1) types them.</summary>
public sealed class PlainScalarResolverTests
{
    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("")]
    public void Read_PlainNullSpelling_BecomesNull(string scalar)
    {
        var document = Reads.Document("v: " + scalar + "\n").Content;

        Assert.True(document.ContainsKey("v"));
        Assert.Null(document["v"]);
    }

    [Theory]
    [InlineData("y", true)]
    [InlineData("Y", true)]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("YES", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("on", true)]
    [InlineData("On", true)]
    [InlineData("ON", true)]
    [InlineData("n", false)]
    [InlineData("N", false)]
    [InlineData("no", false)]
    [InlineData("No", false)]
    [InlineData("NO", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    [InlineData("off", false)]
    [InlineData("Off", false)]
    [InlineData("OFF", false)]
    public void Read_PlainBoolSpelling_BecomesBool(string scalar, bool expected)
    {
        Assert.Equal(expected, Reads.Value(scalar)!.GetValue<bool>());
    }

    [Theory]
    [InlineData("yEs")]
    [InlineData("tRUE")]
    [InlineData("oN")]
    [InlineData("nULL")]
    [InlineData("yes please")]
    public void Read_MixedCaseWord_StaysString(string scalar)
    {
        Assert.Equal(scalar, Reads.Value(scalar)!.GetValue<string>());
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("+42", 42L)]
    [InlineData("-42", -42L)]
    [InlineData("0x1F", 31L)]
    [InlineData("-0x1f", -31L)]
    [InlineData("0b101", 5L)]
    [InlineData("-0b101", -5L)]
    [InlineData("0o17", 15L)]
    [InlineData("1_000", 1000L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Read_PlainInteger_BecomesLong(string scalar, long expected)
    {
        var value = Reads.Value(scalar)!;

        Assert.Equal(JsonValueKind.Number, value.GetValueKind());
        Assert.Equal(expected, value.GetValue<long>());
    }

    [Fact]
    public void Read_PlainOctalScalar_BecomesInteger()
    {
        Assert.Equal(420L, Reads.Value("0644")!.GetValue<long>());
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-1.5", -1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("-.5", -0.5)]
    [InlineData("1.", 1.0)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1.5E-2", 0.015)]
    [InlineData("+2.5e+1", 25.0)]
    [InlineData("1_000.5", 1000.5)]
    [InlineData("08", 8.0)] // not octal, but decimal float syntax: go-yaml makes it the float 8
    public void Read_PlainFloat_BecomesDouble(string scalar, double expected)
    {
        Assert.Equal(expected, Reads.Value(scalar)!.GetValue<double>());
    }

    [Theory]
    [InlineData("9223372036854775808", 9223372036854775808.0)]
    [InlineData("18446744073709551615", 18446744073709551615.0)]
    [InlineData("123456789012345678901234567890", 123456789012345678901234567890.0)]
    public void Read_IntegerTooLargeForLong_BecomesDouble(string scalar, double expected)
    {
        Assert.Equal(expected, Reads.Value(scalar)!.GetValue<double>());
    }

    [Theory]
    [InlineData("2001-12-14")]
    [InlineData("2001-12-14T21:59:43.10-05:00")]
    [InlineData("12:30:00")]
    [InlineData("1.2.3")]
    [InlineData("0x")]
    [InlineData("0xFG")]
    [InlineData("0x1FFFFFFFFFFFFFFFFF")]
    [InlineData("1e400")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData(".5_0")]
    [InlineData("_1")]
    [InlineData("1Gi")]
    [InlineData("500m")]
    [InlineData("nginx:1.25")]
    [InlineData("<<x")]
    public void Read_PlainNonNumber_StaysString(string scalar)
    {
        Assert.Equal(scalar, Reads.Value(scalar)!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"0644\"", "0644")]
    [InlineData("'true'", "true")]
    [InlineData("\"null\"", "null")]
    [InlineData("'1.5'", "1.5")]
    [InlineData("\"\"", "")]
    [InlineData("|\n  42", "42\n")]
    [InlineData(">-\n  yes", "yes")]
    public void Read_QuotedOrBlockScalar_StaysString(string scalar, string expected)
    {
        Assert.Equal(expected, Reads.Value(scalar)!.GetValue<string>());
    }

    [Fact]
    public void Read_BlockScalars_KeepYamlLineRules()
    {
        var content = Reads.Document("a: |\n  one\n  two\nb: >\n  one\n  two\n").Content;

        Assert.Equal("one\ntwo\n", (string?)content["a"]);
        Assert.Equal("one two\n", (string?)content["b"]);
    }

    [Fact]
    public void Read_Integers_SerializeAsJsonIntegers()
    {
        var content = Reads.Document("mode: 0644\nport: 8080\nratio: 0.5\n").Content;

        Assert.Equal("""{"mode":420,"port":8080,"ratio":0.5}""", content.ToJsonString());
    }

    [Theory]
    [InlineData("on", "true")]
    [InlineData("0644", "420")]
    [InlineData("1.5", "1.5")]
    [InlineData("\"on\"", "on")]
    [InlineData("'0644'", "0644")]
    public void Read_TypedKey_BecomesItsTextLikeKubectl(string key, string expected)
    {
        var content = Reads.Document(key + ": x\n").Content;

        Assert.Equal(expected, Assert.Single(content).Key);
    }

    [Fact]
    public void Read_Json_KeepsJsonTypes()
    {
        var content = Reads.Document("{\n\t\"a\": 1,\n\t\"b\": [1.5, \"x\", true, null],\n\t\"c\": {\"d\": \"0644\"}\n}\n").Content;

        Assert.Equal("""{"a":1,"b":[1.5,"x",true,null],"c":{"d":"0644"}}""", content.ToJsonString());
        Assert.IsType<long>(((JsonValue)content["a"]!).GetValue<object>());
    }
}
