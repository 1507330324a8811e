using Tandem.Model.Sources;

namespace Tandem.Model.Tests.Sources;

/// <summary>JSON objects one after another, as <c>jq '.items[]'</c> prints them and kubectl reads them.</summary>
public sealed class JsonObjectStreamTests
{
    [Fact]
    public void Read_JsonStream_GivesOneDocumentPerObjectWithFilePositions()
    {
        var json = "{\"kind\": \"Pod\", \"a\": 1}\n{\"kind\":\"Service\",\n \"b\": [1, 2]}\n";

        var result = ManifestReader.Read(json, Reads.File);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(["Pod", "Service"], result.Documents.Select(d => (string?)d.Content["kind"]));
        Assert.Equal([0, 1], result.Documents.Select(d => d.Index));
        var service = result.Documents[1];
        Assert.Equal("2:1", Reads.Position(service.Start));
        Assert.Equal("2:9", Reads.Position(service.Map.Of(service.Content["kind"]!)));
        Assert.Equal("3:11", Reads.Position(service.Map.Of(service.Content["b"]![1]!)));
    }

    [Fact]
    public void Read_JsonObjectsOnOneLine_KeepTheirColumns()
    {
        var result = ManifestReader.Read("{\"a\":1} {\"b\":\"}\\\"{\"}", Reads.File);

        Assert.Equal(2, result.Documents.Count);
        Assert.Equal("}\"{", (string?)result.Documents[1].Content["b"]);
        Assert.Equal("1:14", Reads.Position(result.Documents[1].Map.Of(result.Documents[1].Content["b"]!)));
    }

    [Fact]
    public void Read_JsonStreamWithBrokenSecondObject_PointsIntoIt()
    {
        var error = Reads.Failure("{\"a\": 1}\n{\"b\": [1, 2}\n");

        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Read_JsonStreamDuplicateKey_PointsIntoItsObject()
    {
        Reads.At(Reads.Failure("{\"a\": 1}\n  {\"b\": 1, \"b\": 2}\n"), "2:12", "duplicate key \"b\" in a mapping (first at 2:4)");
    }

    [Fact]
    public void Read_JsonStream_SharesTheFileLimits()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\": [1, 2, 3]}\n", 10));

        Reads.At(Reads.Failure(json, new ManifestReaderOptions { MaxNodes = 12 }), "3:8", "more than 12 values");
    }

    [Fact]
    public void Read_FlowMappingFollowedByYaml_IsNotAJsonStream()
    {
        var result = ManifestReader.Read("{a: 1}\n---\nb: 2\n", Reads.File);

        Assert.Equal(2, result.Documents.Count);
    }
}
