using System.Diagnostics;
using System.Text;
using Tandem.Model.Sources;

namespace Tandem.Model.Tests.Sources;

/// <summary>
/// Hostile and broken input: every case ends in one error that names the file and the position,
/// quickly. The corpus files are in <c>Sources/Corpus</c>; inputs too large to commit are generated.
/// </summary>
public sealed class BadInputCorpusTests
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Sources", "Corpus");

    // Reading the bomb's own text costs a few megabytes; its expansion would cost gigabytes.
    private const long AllocationBound = 32L * 1024 * 1024;

    [Theory]
    [InlineData("malformed-indentation.yaml", "5:10", "indented deeper than the keys above it")]
    [InlineData("malformed-unclosed-quote.yaml", "4:9", "a quoted string continues onto a line")]
    [InlineData("malformed-unclosed-quote-at-end.yaml", "5:10", "a quoted string is not closed")]
    [InlineData("malformed-unclosed-flow.yaml", "5:1", "list is not closed")]
    [InlineData("malformed-tab-indentation.yaml", "4:1", "tabs")]
    [InlineData("malformed-colon-in-value.yaml", "6:20", "quote the value")]
    [InlineData("malformed-reserved-character.yaml", "4:9", "quote the value")]
    [InlineData("malformed-scanner-failure.yaml", "2:3", "invalid YAML after this position")]
    [InlineData("top-level-list.yaml", "1:1", "document 1 is a list")]
    [InlineData("top-level-scalar.yaml", "4:1", "document 2 is a single value")]
    [InlineData("duplicate-key.yaml", "10:5", "duplicate key \"image\" in a mapping (first at 8:5)")]
    [InlineData("duplicate-top-level-key.yaml", "3:1", "duplicate key \"kind\" in a mapping (first at 2:1)")]
    [InlineData("unknown-tag.yaml", "4:9", "unknown tag \"!Sub\"")]
    [InlineData("unknown-collection-tag.yaml", "3:7", "unknown tag \"!!omap\"")]
    [InlineData("nan.yaml", "8:14", ".nan is not-a-number")]
    [InlineData("infinity.yaml", "4:34", "-.inf is infinity")]
    [InlineData("null-key.yaml", "5:5", "mapping key is null")]
    [InlineData("undefined-alias.yaml", "4:15", "alias *containers refers to no anchor")]
    [InlineData("alias-bomb-lists.yaml", "9:10", "alias bomb")]
    [InlineData("alias-bomb-mappings.yaml", "", "alias bomb")]
    [InlineData("alias-bomb-merge-keys.yaml", "", "alias bomb")]
    [InlineData("alias-bomb-wide.yaml", "", "alias bomb")]
    [InlineData("binary-nul-bytes.yaml", "4:10", "control character U+0000 at byte 44")]
    [InlineData("binary-garbage.yaml", "1:1", "control character U+007F at byte 0")]
    [InlineData("invalid-utf8.yaml", "4:12", "invalid UTF-8 at byte 46")]
    [InlineData("latin1-encoded.yaml", "4:15", "invalid UTF-8 at byte 51")]
    public void ReadFile_CorpusFile_FailsWithFileAndPosition(string name, string position, string says)
    {
        var path = Path.Combine(CorpusDirectory, name);
        var watch = Stopwatch.StartNew();

        var result = ManifestReader.ReadFile(path);

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, Reads.TimeBound);
        Assert.False(result.IsSuccess, name + " was read without an error");
        Assert.True(result.Error.HasPosition, result.Error.ToString());
        if (position.Length > 0)
        {
            Assert.StartsWith($"{path}:{position}: ", result.Error.ToString());
        }
        Assert.StartsWith(path + ":", result.Error.ToString());
        Assert.Contains(says, result.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("YamlDotNet", result.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_FiftyMegabytes_FailsBeforeReadingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tandem-large-{Guid.NewGuid():N}.yaml");
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            // A sparse file: the size is real, the test does not spend time writing 50 MB.
            file.Write("a: 1\n"u8);
            file.SetLength(50L * 1024 * 1024);
        }
        try
        {
            var watch = Stopwatch.StartNew();

            var result = ManifestReader.ReadFile(path);

            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
            Assert.Equal($"{path}: the input is 52,428,800 bytes, more than the 16,777,216 bytes a manifest may have"
                + "; split it into smaller files", result.Error?.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(1_000_000)]
    public void Read_DeepFlowNesting_FailsAtTheLimit(int depth)
    {
        var yaml = "a: " + new string('[', depth) + new string(']', depth) + "\n";

        Reads.At(Reads.Failure(yaml), "1:131", "more than 128 levels deep");
    }

    [Fact]
    public void Read_DeepFlowMappingNesting_FailsAtTheLimit()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            yaml.Append("{a: ");
        }
        yaml.Append('1').Append('}', 5_000).Append('\n');

        Reads.At(Reads.Failure(yaml.ToString()), "1:513", "more than 128 levels deep");
    }

    [Fact]
    public void Read_DeepBlockNesting_FailsAtTheLimit()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            yaml.Append(' ', i).Append("k:\n");
        }
        yaml.Append(' ', 2_000).Append("v\n");

        Reads.At(Reads.Failure(yaml.ToString()), "129:129", "more than 128 levels deep");
    }

    [Fact]
    public void Read_DeepBlockListNesting_FailsAtTheLimit()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            yaml.Append(' ', 2 * i).Append("-\n");
        }
        yaml.Append(' ', 4_000).Append("v\n");

        Reads.At(Reads.Failure(yaml.ToString()), "129:257", "more than 128 levels deep");
    }

    [Fact]
    public void Read_AliasBomb_FailsWithoutExpanding()
    {
        // Ten levels of ten: 10^10 values if expanded.
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10)).Append("]\n");
        }
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Reads.Failure(yaml.ToString());

        Assert.Contains("alias bomb", error.Message, StringComparison.Ordinal);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, AllocationBound);
    }

    [Theory]
    [InlineData("alias-bomb-lists.yaml")]
    [InlineData("alias-bomb-mappings.yaml")]
    [InlineData("alias-bomb-merge-keys.yaml")]
    [InlineData("alias-bomb-wide.yaml")]
    public void ReadFile_AliasBomb_AllocatesNoExpansion(string name)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = ManifestReader.ReadFile(Path.Combine(CorpusDirectory, name));

        Assert.Contains("alias bomb", result.Error?.Message, StringComparison.Ordinal);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, AllocationBound);
    }

    [Fact]
    public void Read_AliasBombWithLowerLimit_FailsEarlier()
    {
        var yaml = File.ReadAllText(Path.Combine(CorpusDirectory, "alias-bomb-lists.yaml"));

        var error = Reads.Failure(yaml, new ManifestReaderOptions { MaxNodes = 1_000 });

        Reads.At(error, "6:10", "take the file past 1,000");
    }

    [Fact]
    public void Read_ManyValuesWithoutAliases_FailAtTheNodeLimit()
    {
        var yaml = "a: [" + string.Join(",", Enumerable.Repeat("1", 11_000)) + "]\n";

        var error = Reads.Failure(yaml, new ManifestReaderOptions { MaxNodes = 10_000 });

        Reads.At(error, "1:20001", "more than 10,000 values");
    }

    [Fact]
    public void Read_InvalidUtf8InStream_NamesTheByteOffset()
    {
        using var stream = new MemoryStream([.. "a: 1\nb: "u8, 0xFF, 0xFE, .. "\n"u8]);

        var result = ManifestReader.Read(stream, "in.yaml");

        Assert.Equal("in.yaml:2:4: invalid UTF-8 at byte 8; the file is binary or in another encoding: save it as UTF-8 text",
            result.Error?.ToString());
    }

    [Fact]
    public void Read_UnpairedSurrogateInText_IsAnError()
    {
        Reads.At(Reads.Failure("a: b\uD800c\n"), "1:5", "an unpaired surrogate");
    }
}
