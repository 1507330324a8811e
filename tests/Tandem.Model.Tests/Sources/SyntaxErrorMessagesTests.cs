namespace Tandem.Model.Tests.Sources;

/// <summary>YAML syntax errors read as one line that says what to fix, at the right position.</summary>
public sealed class SyntaxErrorMessagesTests
{
    [Theory]
    [InlineData("a:\n  b: 1\n c: 2\n", "3:2", "not indented like the keys around it")]
    [InlineData("spec:\n  containers:\n  - name: a\n   image: b\n", "4:4", "not indented like the keys around it")]
    [InlineData("- a\nb: c\n", "2:1", "expected a list item (- ...) at this indentation")]
    [InlineData("key: value\n  other: x\n", "2:8", "indented deeper than the keys above it")]
    [InlineData("a: b: c\n", "1:5", "quote the value")]
    [InlineData("a: 'it''s\n", "1:4", "a quoted string is not closed")]
    [InlineData("a: \"\\q\"\n", "1:4", "unknown escape sequence")]
    [InlineData("command: [\"sh\", \"-c\"\n", "2:1", "a [ ... ] list is not closed")]
    [InlineData("a: *\n", "1:4", "an anchor (&name) or alias (*name) needs a name")]
    [InlineData("%YAML 9.9\n---\na: 1\n", "1:1", "unsupported %YAML version")]
    [InlineData("a:\n\t- b\n", "2:1", "tabs for indentation")]
    public void Read_SyntaxError_SaysWhatToFixAtThePosition(string yaml, string position, string says)
    {
        var error = Reads.Failure(yaml);

        Reads.At(error, position, says);
        Assert.DoesNotContain("While ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnlistedSyntaxError_KeepsTheParserWordingWithoutItsPreamble()
    {
        var error = Reads.Failure("a: |0\n  x\n");

        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; check the syntax at this position", error.Message, StringComparison.Ordinal);
    }
}
