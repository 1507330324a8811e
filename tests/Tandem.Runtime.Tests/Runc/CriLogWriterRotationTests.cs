using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Tandem.Runtime.Runc;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

public sealed partial class CriLogWriterRotationTests : IDisposable
{
    private const int MaxSize = 4096;
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("tandem-crilog-rotate-").FullName;

    private string LogPath => Path.Combine(_directory, "0.log");

    [Fact]
    public async Task ManyRotations_KeepEveryLineOnceInOrder_AndCompressAllButNewestRotated()
    {
        var lines = Numbered(2000);
        await WriteAsync(lines, maxFiles: 1000, new ManualTimeProvider(Start));

        var rotated = RotatedFiles();
        Assert.True(rotated.Count > 10, $"expected many rotations, got {rotated.Count}");
        Assert.All(rotated[..^1], f => Assert.EndsWith(".gz", f, StringComparison.Ordinal));
        Assert.DoesNotContain(".gz", rotated[^1], StringComparison.Ordinal);
        Assert.Equal(lines, ReadAllTexts());
    }

    [Fact]
    public async Task MaxFiles_CountsTheCurrentFile_AndDeletesTheOldest()
    {
        var lines = Numbered(2000);
        await WriteAsync(lines, maxFiles: 3, new ManualTimeProvider(Start));

        Assert.Equal(3, Directory.GetFiles(_directory).Length);
        var rotated = RotatedFiles();
        Assert.Equal(2, rotated.Count);
        Assert.EndsWith(".gz", rotated[0], StringComparison.Ordinal);
        Assert.DoesNotContain(".gz", rotated[1], StringComparison.Ordinal);
        // What survives is the newest lines, each once, ending with the last one written.
        var kept = ReadAllTexts();
        Assert.True(kept.Count > 0);
        Assert.Equal(lines[^kept.Count..], kept);
    }

    [Fact]
    public async Task Files_NeverExceedMaxSize_AndHoldOnlyWholeRecords()
    {
        await WriteAsync(Numbered(500), maxFiles: 1000, new ManualTimeProvider(Start));

        foreach (var file in Directory.GetFiles(_directory))
        {
            var bytes = Decompressed(file);
            Assert.True(bytes.Length <= MaxSize, $"{file} is {bytes.Length} bytes");
            Assert.Equal((byte)'\n', bytes[^1]);
            Assert.All(Encoding.UTF8.GetString(bytes).TrimEnd('\n').Split('\n'), l => Assert.Matches(RecordPattern(), l));
        }
    }

    [Fact]
    public async Task RotatedName_IsTheUtcTimeOfRotation()
    {
        var clock = new ManualTimeProvider(Start);
        await using (var writer = new CriLogWriter(LogPath, clock, MaxSize, 5))
        {
            await writer.PumpAsync(Text(Numbered(60)), "stdout");
            clock.Advance(TimeSpan.FromMinutes(61));
            await writer.PumpAsync(Text(Numbered(60)), "stdout");
        }

        Assert.Contains(Path.Combine(_directory, "0.log.20260102-040505"), Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task ReopenedWriter_AppendsAndCountsTheExistingSize()
    {
        var clock = new ManualTimeProvider(Start);
        await WriteAsync(Numbered(40), maxFiles: 5, clock);
        var sizeBefore = new FileInfo(LogPath).Length;

        await WriteAsync(Numbered(40), maxFiles: 5, clock);

        Assert.True(sizeBefore > MaxSize / 2);
        Assert.Single(RotatedFiles());
        Assert.Equal([.. Numbered(40), .. Numbered(40)], ReadAllTexts());
    }

    private async Task WriteAsync(IReadOnlyList<string> lines, int maxFiles, ManualTimeProvider clock)
    {
        await using var writer = new CriLogWriter(LogPath, clock, MaxSize, maxFiles);
        await writer.PumpAsync(Text(lines), "stdout");
    }

    private static List<string> Numbered(int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"line {i.ToString("D5", CultureInfo.InvariantCulture)} of the log")];

    private static MemoryStream Text(IEnumerable<string> lines) => new(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));

    /// <summary>Rotated files oldest first, ordered by the name alone: time stamp, then collision sequence.</summary>
    private List<string> RotatedFiles() =>
        [.. Directory.GetFiles(_directory)
            .Select(f => (File: f, Match: RotatedPattern().Match(Path.GetFileName(f))))
            .Where(x => x.Match.Success)
            .OrderBy(x => x.Match.Groups["stamp"].Value, StringComparer.Ordinal)
            .ThenBy(x => x.Match.Groups["seq"].Success ? int.Parse(x.Match.Groups["seq"].Value, CultureInfo.InvariantCulture) : 0)
            .Select(x => x.File)];

    private List<string> ReadAllTexts()
    {
        Assert.All(Directory.GetFiles(_directory), f => Assert.True(f == LogPath || RotatedPattern().IsMatch(Path.GetFileName(f)), $"unexpected file {f}"));
        return [.. RotatedFiles().Append(LogPath)
            .SelectMany(f => Encoding.UTF8.GetString(Decompressed(f)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(record => record.Split(' ', 4)[3])];
    }

    private static byte[] Decompressed(string file)
    {
        if (!file.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(file);
        }
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    [GeneratedRegex(@"^0\.log\.(?<stamp>\d{8}-\d{6})(-(?<seq>\d+))?(\.gz)?$")]
    private static partial Regex RotatedPattern();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z stdout F line \d{5} of the log$")]
    private static partial Regex RecordPattern();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
