using System.Diagnostics;
using System.Text;
using Tandem.Model.Sources;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Sources;

public sealed class ManifestReaderTests
{
    private const string PodConfigMapSecret = """
        # A pod with its configuration.
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: app
            image: nginx:1.25
            volumeMounts:
            - {name: config, mountPath: /etc/app}
          volumes:
          - name: config
            configMap:
              name: web-config
              defaultMode: 0644
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web-config
        data:
          enabled: "true"
          port: "8080"
        ---
        # nothing here
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: web-secret
        type: Opaque
        data:
          password: !!binary |
            c2VjcmV0
        ...

        """;

    [Fact]
    public void Read_PodConfigMapAndSecret_GivesThreeDocumentsInOrder()
    {
        var result = ManifestReader.Read(PodConfigMapSecret, "app.yaml");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(["Pod", "ConfigMap", "Secret"], result.Documents.Select(d => (string?)d.Content["kind"]));
        Assert.Equal([0, 1, 3], result.Documents.Select(d => d.Index));
        Assert.Equal(["app.yaml:2:1", "app.yaml:17:1", "app.yaml:27:1"], result.Documents.Select(d => d.Start.ToString()));
        Assert.Equal(420L, result.Documents[0].Content["spec"]!["volumes"]![0]!["configMap"]!["defaultMode"]!.GetValue<long>());
        Assert.Equal("true", (string?)result.Documents[1].Content["data"]!["enabled"]);
        Assert.Equal("c2VjcmV0", (string?)result.Documents[2].Content["data"]!["password"]);
    }

    [Fact]
    public void Read_EachDocument_LocatesItsOwnFields()
    {
        var result = ManifestReader.Read(PodConfigMapSecret, "app.yaml");
        var name = FieldPath.Root("metadata").Child("name");

        Assert.Equal(["app.yaml:5:9", "app.yaml:21:9", "app.yaml:31:9"], result.Documents.Select(d => d.Map.Locate(name).ToString()));
        Assert.Equal("app.yaml:31:9", result.Documents[2].Map.Of(result.Documents[2].Content["metadata"]!["name"]!).ToString());
    }

    [Fact]
    public void Read_CrLfLineEndings_KeepPositions()
    {
        var document = Reads.Document("a: 1\r\nb:\r\n  - x\r\n");

        Assert.Equal("3:5", Reads.Position(document.Map.Of(document.Content["b"]![0]!)));
    }

    [Fact]
    public void Read_ManyTinyDocuments_AreReadInOrder()
    {
        var yaml = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"i: {i}\n---\n"));

        var result = ManifestReader.Read(yaml, Reads.File);

        Assert.Equal(5_000, result.Documents.Count);
        Assert.Equal(4_999L, result.Documents[^1].Content["i"]!.GetValue<long>());
        Assert.Equal(4_999, result.Documents[^1].Index);
    }

    [Theory]
    [InlineData("")]
    [InlineData("---\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n---\n...\n")]
    [InlineData("\n\n   \n")]
    public void Read_EmptyInput_GivesNoDocuments(string yaml)
    {
        var result = ManifestReader.Read(yaml, Reads.File);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Empty(result.Documents);
    }

    [Fact]
    public void Read_Json_IsOneDocument()
    {
        var json = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"spec\": {\"containers\": [{\"name\": \"a\"}]}\n}\n";

        var document = Reads.Document(json);

        Assert.Equal("Pod", (string?)document.Content["kind"]);
        Assert.Equal("3:11", Reads.Position(document.Map.Of(document.Content["kind"]!)));
    }

    [Fact]
    public void ReadFile_ReadsTheFileAndNamesItInPositions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tandem-sources-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "a: 1\n---\nb: [x]\n");
        try
        {
            var result = ManifestReader.ReadFile(path);

            Assert.True(result.IsSuccess, result.Error?.ToString());
            Assert.Equal($"{path}:3:5", result.Documents[1].Map.Of(result.Documents[1].Content["b"]![0]!).ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadFile_Missing_IsAnErrorNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tandem-missing-{Guid.NewGuid():N}.yaml");

        var result = ManifestReader.ReadFile(path);

        Assert.False(result.IsSuccess);
        Assert.False(result.Error.HasPosition);
        Assert.Equal($"{path}: file not found; check the path", result.Error.ToString());
    }

    [Fact]
    public void ReadFile_EmptyPath_IsAnError()
    {
        Assert.Equal(": is not a valid file path; check the path", ManifestReader.ReadFile("").Error?.ToString());
    }

    [Fact]
    public void ReadFile_Directory_IsAnError()
    {
        var result = ManifestReader.ReadFile(Path.GetTempPath());

        Assert.Contains("is a directory", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Stream_IsNamedDashLikeStandardInput()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a: [1, oops\n"));

        var result = ManifestReader.Read(stream);

        Assert.StartsWith("-:", result.Error?.ToString());
    }

    [Fact]
    public async Task ReadAsync_Stream_ReadsDocuments()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a: 1\n---\nb: 2\n"));

        var result = await ManifestReader.ReadAsync(stream, cancellationToken: CancellationToken.None);

        Assert.Equal(2, result.Documents.Count);
        Assert.Equal("-:3:4", result.Documents[1].Map.Of(result.Documents[1].Content["b"]!).ToString());
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("kind: Pod\n")).ToArray();

        var result = ManifestReader.Read(new MemoryStream(bytes), "bom.yaml");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("bom.yaml:1:7", result.Documents[0].Map.Of(result.Documents[0].Content["kind"]!).ToString());
        Assert.True(ManifestReader.Read("\uFEFFkind: Pod\n", "bom.yaml").IsSuccess);
    }

    [Fact]
    public void Read_Utf16WithByteOrderMark_IsAccepted()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("kind: Pod\n")).ToArray();

        var result = ManifestReader.Read(new MemoryStream(bytes), "utf16.yaml");

        Assert.Equal("Pod", (string?)Assert.Single(result.Documents).Content["kind"]);
    }

    [Theory]
    [InlineData("- a\n- b\n", "1:1", "document 1 is a list")]
    [InlineData("hello\n", "1:1", "document 1 is a single value (\"hello\")")]
    [InlineData("a: 1\n---\n42\n", "3:1", "document 2 is a single value (42)")]
    [InlineData("a: 1\n---\n~\n", "3:1", "document 2 is null")]
    [InlineData("--- |\n  text\n", "1:5", "document 1 is a single value")]
    public void Read_DocumentThatIsNotAMapping_IsAnErrorAtItsStart(string yaml, string position, string says)
    {
        var error = Reads.Failure(yaml);

        Reads.At(error, position, says);
        Assert.Contains("must be a mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextOverTheSizeLimit_FailsWithTheLimit()
    {
        var error = Reads.Failure("a: " + new string('x', 200) + "\n", new ManifestReaderOptions { MaxFileBytes = 100 });

        Assert.Equal("pod.yaml: the input is 204 bytes, more than the 100 bytes a manifest may have"
            + "; split it into smaller files", error.ToString());
    }

    [Fact]
    public void Read_StreamOverTheSizeLimit_StopsReadingAtTheLimit()
    {
        using var stream = new EndlessStream();
        var watch = Stopwatch.StartNew();

        var result = ManifestReader.Read(stream, options: new ManifestReaderOptions { MaxFileBytes = 1024 * 1024 });

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, Reads.TimeBound);
        Assert.StartsWith("-: the input is larger than that, more than the 1,048,576 bytes", result.Error?.ToString());
        Assert.InRange(stream.Position, 0, 2 * 1024 * 1024);
    }

    [Fact]
    public void Read_BadInput_NeverThrows()
    {
        string[] inputs = ["{", "[", "a: [", "*", "&", "!", "? ", ": ", "- - -", "%YAML 9.9\n---\na: 1", "a: 'x\n", "@x"];

        foreach (var input in inputs)
        {
            var result = ManifestReader.Read(input, Reads.File);

            Assert.True(result.IsSuccess || result.Error.ToString().StartsWith("pod.yaml:", StringComparison.Ordinal), input);
        }
    }

    /// <summary>A stream that never ends, like a misdirected <c>/dev/zero</c> on standard input.</summary>
    private sealed class EndlessStream : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
