using Tandem.Model.Sources;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Sources;

/// <summary>Anchors, aliases, merge keys, duplicate keys and the structural limits.</summary>
public sealed class DocumentReaderTests
{
    [Fact]
    public void Read_Alias_IsAnIndependentDeepCopy()
    {
        var content = Reads.Document("a: &x {p: [1, 2]}\nb: *x\nc: *x\n").Content;

        Assert.Equal("""{"a":{"p":[1,2]},"b":{"p":[1,2]},"c":{"p":[1,2]}}""", content.ToJsonString());
        Assert.NotSame(content["a"], content["b"]);
        Assert.NotSame(content["b"]!["p"], content["c"]!["p"]);
    }

    [Fact]
    public void Read_AliasCopy_PointsAtTheAliasAndInsideAtTheAnchor()
    {
        var document = Reads.Document("a: &x\n  p: 1\nb: *x\n");
        var copy = document.Content["b"]!;

        Assert.Equal("3:4", Reads.Position(document.Map.Of(copy)));
        Assert.Equal("2:6", Reads.Position(document.Map.Of(copy["p"]!)));
        Assert.Equal("2:3", Reads.Position(document.Map.OfKey(copy.AsObject(), "p")));
    }

    [Fact]
    public void Read_ScalarAnchor_CanBeUsedAsValueAndKey()
    {
        var content = Reads.Document("a: &k name\n*k : x\nc: *k\n").Content;

        Assert.Equal("""{"a":"name","name":"x","c":"name"}""", content.ToJsonString());
    }

    [Fact]
    public void Read_RedefinedAnchor_LaterAliasesUseTheNewValue()
    {
        var content = Reads.Document("a: &x 1\nb: *x\nc: &x 2\nd: *x\n").Content;

        Assert.Equal("""{"a":1,"b":1,"c":2,"d":2}""", content.ToJsonString());
    }

    [Fact]
    public void Read_MergeKey_AddsMissingKeysAndExplicitKeysWin()
    {
        var content = Reads.Document("base: &b {image: nginx, tag: '1'}\nc:\n  tag: '2'\n  <<: *b\n").Content;

        Assert.Equal("""{"tag":"2","image":"nginx"}""", content["c"]!.ToJsonString());
    }

    [Fact]
    public void Read_MergeKeyList_EarlierMappingsWin()
    {
        var yaml = "a: &a {p: 1, q: 1}\nb: &b {p: 2, r: 2}\nc:\n  <<: [*a, *b, {s: 3}]\n  q: 0\n";

        var content = Reads.Document(yaml).Content;

        Assert.Equal("""{"q":0,"p":1,"r":2,"s":3}""", content["c"]!.ToJsonString());
    }

    [Fact]
    public void Read_MergedKey_PointsAtItsDefinition()
    {
        var document = Reads.Document("base: &b\n  image: nginx\nc:\n  <<: *b\n");
        var c = document.Content["c"]!.AsObject();

        Assert.Equal("2:3", Reads.Position(document.Map.OfKey(c, "image")));
        Assert.Equal("2:10", Reads.Position(document.Map.Locate(FieldPath.Root("c").Child("image"))));
    }

    [Theory]
    [InlineData("a: 1\nc:\n  <<: 5\n", "3:7")]
    [InlineData("a: &s text\nc:\n  <<: *s\n", "3:7")]
    [InlineData("c:\n  <<: [{a: 1}, 2]\n", "2:16")]
    public void Read_MergeKeyOfNonMapping_IsAnError(string yaml, string position)
    {
        Reads.At(Reads.Failure(yaml), position, "merge key (<<) must be a mapping or a list of mappings");
    }

    [Fact]
    public void Read_QuotedMergeKey_IsAnOrdinaryKey()
    {
        var content = Reads.Document("\"<<\": 1\n").Content;

        Assert.Equal(1L, content["<<"]!.GetValue<long>());
    }

    [Fact]
    public void Read_DuplicateKey_NamesTheKeyAndBothPositions()
    {
        var yaml = "spec:\n  containers:\n  - name: app\n    image: nginx\n    ports: []\n    image: busybox\n";

        var error = Reads.Failure(yaml);

        Assert.Equal("pod.yaml:6:5: duplicate key \"image\" in a mapping (first at 4:5); remove one of them", error.ToString());
    }

    [Theory]
    [InlineData("a: 1\n\"a\": 2\n", "2:1", "duplicate key \"a\"")]
    [InlineData("{a: 1, a: 2}\n", "1:8", "duplicate key \"a\" in a mapping (first at 1:2)")]
    [InlineData("true: 1\non: 2\n", "2:1", "duplicate key \"true\"")]
    [InlineData("a: &x 1\n*x : 2\nx: [1]\n1: 3\n", "4:1", "duplicate key \"1\"")]
    [InlineData("<<: {a: 1}\n<<: {b: 1}\n", "2:1", "duplicate key \"<<\"")]
    public void Read_DuplicateKeySpellings_AreErrors(string yaml, string position, string says)
    {
        Reads.At(Reads.Failure(yaml), position, says);
    }

    [Theory]
    [InlineData("? [a, b]\n: 1\n", "1:3", "mapping key is a list")]
    [InlineData("? {a: b}\n: 1\n", "1:3", "mapping key is a mapping")]
    [InlineData("~: 1\n", "1:1", "mapping key is null")]
    [InlineData("a: 1\n: 2\n", "2:3", "this value has no key")]
    [InlineData("a: &m {x: 1}\n*m : 2\n", "2:1", "mapping key must be a single value")]
    public void Read_KeyThatIsNotText_IsAnError(string yaml, string position, string says)
    {
        Reads.At(Reads.Failure(yaml), position, says);
    }

    [Theory]
    [InlineData("a: *nope\n", "1:4", "alias *nope refers to no anchor &nope")]
    [InlineData("a: &x [1, *x]\n", "1:11", "alias *x is inside the value anchored &x")]
    [InlineData("a: &x 1\n---\nb: *x\n", "3:4", "anchors do not carry across ---")]
    public void Read_BadAlias_IsAnError(string yaml, string position, string says)
    {
        Reads.At(Reads.Failure(yaml), position, says);
    }

    [Fact]
    public void Read_TooManyAliases_IsAnError()
    {
        var yaml = "a: &x 1\nb: [" + string.Join(", ", Enumerable.Repeat("*x", 11)) + "]\n";

        var error = Reads.Failure(yaml, new ManifestReaderOptions { MaxAliases = 10 });

        Reads.At(error, "2:45", "more than 10 aliases");
    }

    [Fact]
    public void Read_NestingAtTheLimit_IsAccepted()
    {
        var yaml = "a: " + new string('[', 127) + new string(']', 127) + "\n";

        Assert.NotNull(Reads.Document(yaml).Content["a"]);
    }

    [Fact]
    public void Read_NestingPastTheLimit_IsAnErrorAtTheDeepestOpening()
    {
        var yaml = "a: " + new string('[', 128) + new string(']', 128) + "\n";

        Reads.At(Reads.Failure(yaml), "1:131", "more than 128 levels deep");
    }

    [Fact]
    public void Read_AliasThatWouldNestPastTheLimit_IsAnError()
    {
        var yaml = "a: &x [[[1]]]\nb: [[[[*x]]]]\n";

        Reads.At(Reads.Failure(yaml, new ManifestReaderOptions { MaxDepth = 6 }), "2:8", "more than 6 levels deep");
    }

    [Fact]
    public void Read_TabIndentation_PointsAtTheTab()
    {
        Reads.At(Reads.Failure("a:\n  b: 1\n  c:\n\t  d: 2\n"), "4:1", "tabs for indentation");
    }

    [Fact]
    public void Read_LongKey_IsAnError()
    {
        var yaml = "\"" + new string('k', 101) + "\": 1\n";

        Reads.At(Reads.Failure(yaml, new ManifestReaderOptions { MaxKeyLength = 100 }), "1:1", "a key is 101 characters long");
    }

    [Fact]
    public void Read_LongScalar_IsAnError()
    {
        var yaml = "a: 1\nb: " + new string('v', 101) + "\n";

        Reads.At(Reads.Failure(yaml, new ManifestReaderOptions { MaxScalarLength = 100 }), "2:4", "a value is 101 characters long");
    }

    [Fact]
    public void Read_MoreValuesThanTheLimit_IsAnError()
    {
        var yaml = "a: [" + string.Join(", ", Enumerable.Range(0, 20)) + "]\n";

        Reads.At(Reads.Failure(yaml, new ManifestReaderOptions { MaxNodes = 10 }), "1:29", "more than 10 values");
    }
}
