using System.IO.Compression;
using System.Text;
using Tandem.Node.Logs;
using Tandem.Testing;

namespace Tandem.Node.Tests.Logs;

public sealed class ContainerLogReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tandem-logread-").FullName;
    private readonly CriLogFile _log;
    private readonly ContainerLogReader _reader = new(TimeProvider.System);

    public ContainerLogReaderTests() => _log = new CriLogFile(Path.Combine(_directory, "0.log"));

    [Fact]
    public async Task WholeFile_JoinsPartialRecordsPerStream_AndSkipsMalformedLines()
    {
        _log.Append(
            CriLogFile.Record(0, "stdout", 'P', "hel"),
            CriLogFile.Record(0, "stderr", 'F', "oops"),
            "not a cri record\n",
            CriLogFile.Record(1, "stdout", 'P', "lo "),
            CriLogFile.Record(2, "stdout", 'F', "world"),
            CriLogFile.Record(3, "stdout", 'F', ""));

        Assert.Equal(["oops\n", "hello world\n", "\n"], await ReadAsync(new LogReadOptions()));
    }

    [Theory]
    [InlineData(LogStreamSelection.Stdout, new[] { "out 0\n", "out 2\n" })]
    [InlineData(LogStreamSelection.Stderr, new[] { "err 1\n" })]
    [InlineData(LogStreamSelection.All, new[] { "out 0\n", "err 1\n", "out 2\n" })]
    public async Task StreamSelection_ReturnsOnlyThatStream(LogStreamSelection streams, string[] expected)
    {
        _log.Append(CriLogFile.Record(0, "stdout", 'F', "out 0"), CriLogFile.Record(1, "stderr", 'F', "err 1"), CriLogFile.Record(2, "stdout", 'F', "out 2"));

        Assert.Equal(expected, await ReadAsync(new LogReadOptions { Streams = streams }));
    }

    [Fact]
    public async Task Timestamps_PrefixEachLineWithNineFractionDigits_FromTheLinesFirstRecord()
    {
        _log.Append(CriLogFile.Record(0, "stdout", 'P', "a"), CriLogFile.Record(1, "stdout", 'F', "b"));

        Assert.Equal(["2026-01-02T03:04:05.000000000Z ab\n"], await ReadAsync(new LogReadOptions { Timestamps = true }));
    }

    [Theory]
    [InlineData(0, new string[0])]
    [InlineData(2, new[] { "line 3\n", "long line\n" })]
    [InlineData(10, new[] { "line 0\n", "line 1\n", "line 2\n", "line 3\n", "long line\n" })]
    public async Task TailLines_CountsWholeLines(long tail, string[] expected)
    {
        _log.AppendLines(0, 4);
        _log.Append(CriLogFile.Record(5, "stdout", 'P', "long "), CriLogFile.Record(5, "stdout", 'F', "line"));

        Assert.Equal(expected, await ReadAsync(new LogReadOptions { TailLines = tail }));
    }

    [Fact]
    public async Task TailLines_WithAStream_CountsOnlyThatStream()
    {
        _log.Append(CriLogFile.Record(0, "stderr", 'F', "e0"), CriLogFile.Record(1, "stdout", 'F', "o1"), CriLogFile.Record(2, "stderr", 'F', "e2"), CriLogFile.Record(3, "stdout", 'F', "o3"));

        Assert.Equal(["e0\n", "e2\n"], await ReadAsync(new LogReadOptions { TailLines = 2, Streams = LogStreamSelection.Stderr }));
    }

    [Fact]
    public async Task Since_SkipsEarlierLines()
    {
        _log.AppendLines(0, 5);

        Assert.Equal(["line 3\n", "line 4\n"], await ReadAsync(new LogReadOptions { Since = CriLogFile.Start.AddSeconds(3) }));
    }

    [Fact]
    public async Task LimitBytes_CountsTimestampsAndCutsTheLastLine()
    {
        _log.AppendLines(0, 5);

        Assert.Equal(["line 0\n", "li"], await ReadAsync(new LogReadOptions { LimitBytes = 9 }));
        Assert.Equal(["2026-01-02T03:04:05.000000000Z line 0\n", "2026-01-"], await ReadAsync(new LogReadOptions { LimitBytes = 46, Timestamps = true }));
    }

    [Fact]
    public async Task MissingFile_SaysWhichLog()
    {
        var missing = Path.Combine(_directory, "7.log");
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => ReadAsync(new LogReadOptions(), missing));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_ReturnsNewLines_AndEndsOnceTheContainerExitedAndAllIsRead()
    {
        _log.AppendLines(0, 2);
        var exited = new TaskCompletionSource();
        await using var follower = new Follower(_reader.ReadAsync(_log.Path, new LogReadOptions { Follow = true }, exited.Task));

        Assert.Equal(["line 0\n", "line 1\n"], await follower.TakeAsync(2));
        _log.AppendLines(2, 1);
        Assert.Equal(["line 2\n"], await follower.TakeAsync(1));
        // A record written in two pieces is returned only when its newline is in.
        var record = CriLogFile.Record(3, "stdout", 'F', "line 3");
        _log.Append(record[..10]);
        _log.Append(record[10..]);
        _log.AppendLines(4, 1);
        exited.SetResult();

        Assert.Equal(["line 3\n", "line 4\n"], await follower.RestAsync());
    }

    [Fact]
    public async Task Follow_AcrossRotation_ReadsTheRenamedFileToItsEndThenTheNewOne()
    {
        _log.AppendLines(0, 10);
        var exited = new TaskCompletionSource();
        await using var follower = new Follower(_reader.ReadAsync(_log.Path, new LogReadOptions { Follow = true }, exited.Task));
        Assert.Equal(10, (await follower.TakeAsync(10)).Count);

        for (var rotation = 0; rotation < 3; rotation++)
        {
            var from = 10 + rotation * 10;
            _log.AppendLines(from, 5);
            // A line cut into partial records may straddle the rename.
            _log.Append(CriLogFile.Record(from + 5, "stdout", 'P', "line "));
            File.Move(_log.Path, $"{_log.Path}.2026010{rotation}-030405");
            _log.Append(CriLogFile.Record(from + 5, "stdout", 'F', (from + 5).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            _log.AppendLines(from + 6, 4);
            Assert.Equal(Enumerable.Range(from, 10).Select(i => CriLogFile.Line(i) + "\n"), await follower.TakeAsync(10));
        }
        exited.SetResult();

        Assert.Empty(await follower.RestAsync());
    }

    [Fact]
    public async Task Follow_FallenBehindSeveralRotations_ReadsTheRotatedFilesInOrderIncludingCompressedOnes()
    {
        _log.AppendLines(0, 10);
        var exited = new TaskCompletionSource();
        await using var follower = new Follower(_reader.ReadAsync(_log.Path, new LogReadOptions { Follow = true }, exited.Task));
        Assert.Equal(10, (await follower.TakeAsync(10)).Count);

        // Three rotations before the reader gets to look; the oldest of them is compressed meanwhile.
        _log.AppendLines(10, 5);
        File.Move(_log.Path, _log.Path + ".20260102-030405");
        _log.AppendLines(15, 5);
        File.Move(_log.Path, _log.Path + ".20260102-030405-1");
        await Compress(_log.Path + ".20260102-030405-1");
        _log.AppendLines(20, 5);
        File.Move(_log.Path, _log.Path + ".20260102-030406");
        _log.AppendLines(25, 5);
        exited.SetResult();

        Assert.Equal(Enumerable.Range(10, 20).Select(i => CriLogFile.Line(i) + "\n"), await follower.RestAsync());
    }

    /// <summary>As the runtime's compactor does: into a temporary name, renamed when complete, then the plain file removed.</summary>
    private static async Task Compress(string path)
    {
        await using (var target = new GZipStream(File.Create(path + ".gz.tmp"), CompressionLevel.Fastest))
        await using (var source = File.OpenRead(path))
        {
            await source.CopyToAsync(target);
        }
        File.Move(path + ".gz.tmp", path + ".gz");
        File.Delete(path);
    }

    [Fact]
    public async Task Follow_ThroughASymbolicLinkInThePath_DoesNotTakeItForRotation()
    {
        var link = Path.Combine(_directory, "linked");
        var real = Directory.CreateDirectory(Path.Combine(_directory, "real")).FullName;
        Directory.CreateSymbolicLink(link, real);
        var log = new CriLogFile(Path.Combine(link, "0.log"));
        log.AppendLines(0, 3);
        var exited = new TaskCompletionSource();
        await using var follower = new Follower(_reader.ReadAsync(log.Path, new LogReadOptions { Follow = true }, exited.Task));
        Assert.Equal(3, (await follower.TakeAsync(3)).Count);

        log.AppendLines(3, 1);
        Assert.Equal(["line 3\n"], await follower.TakeAsync(1));
        exited.SetResult();

        Assert.Empty(await follower.RestAsync());
    }

    [Fact]
    public async Task Follow_WithoutInotify_PollsOnTheClock()
    {
        var clock = new ManualTimeProvider();
        var reader = new ContainerLogReader(clock, watchFiles: false, pollInterval: TimeSpan.FromSeconds(1));
        _log.AppendLines(0, 1);
        var exited = new TaskCompletionSource();
        await using var follower = new Follower(reader.ReadAsync(_log.Path, new LogReadOptions { Follow = true }, exited.Task));
        Assert.Equal(["line 0\n"], await follower.TakeAsync(1));

        _log.AppendLines(1, 1);
        var next = follower.TakeAsync(1);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!next.IsCompleted && DateTime.UtcNow < deadline)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(next, Task.Delay(10));
        }

        Assert.Equal(["line 1\n"], await next);
        exited.SetResult();
        Assert.Empty(await follower.RestAsync());
    }

    [Fact]
    public async Task Follow_ContainerEndedMidLine_ReturnsTheUnfinishedTextWithoutNewline()
    {
        _log.Append(CriLogFile.Record(0, "stdout", 'P', "no newline"));

        Assert.Equal(["no newline"], await ReadAsync(new LogReadOptions { Follow = true }, exited: Task.CompletedTask));
    }

    [Fact]
    public async Task Follow_IsCancellable()
    {
        _log.AppendLines(0, 1);
        using var cancel = new CancellationTokenSource();
        var follower = new Follower(_reader.ReadAsync(_log.Path, new LogReadOptions { Follow = true }, cancellationToken: cancel.Token));
        Assert.Single(await follower.TakeAsync(1));

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => follower.RestAsync());
    }

    private async Task<List<string>> ReadAsync(LogReadOptions options, string? path = null, Task? exited = null)
    {
        var lines = new List<string>();
        await foreach (var line in _reader.ReadAsync(path ?? _log.Path, options, exited))
        {
            lines.Add(Encoding.UTF8.GetString(line.Content.Span));
        }
        return lines;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
