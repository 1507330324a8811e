using System.Text;
using Tandem.Sidecars.LogShipper.Buffering;
using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;
using Tandem.Sidecars.LogShipper.Tests.Support;

namespace Tandem.Sidecars.LogShipper.Tests.Buffering;

public sealed class DiskBufferTests
{
    [Fact]
    public async Task Batches_SurviveReopen_FromTheCommittedPosition()
    {
        using var dir = new TempDirectory();
        using (var buffer = new DiskBuffer(dir.Path, 64 << 20, WhenFull.Block))
        {
            for (var i = 0; i < 3; i++)
            {
                await buffer.AppendAsync(Batch($"b{i}"), CancellationToken.None);
            }
            var first = await buffer.ReadAsync(CancellationToken.None);
            buffer.Commit(first!.Next);
            _ = await buffer.ReadAsync(CancellationToken.None);
            // Read but not committed: comes back after a restart.
        }
        using var reopened = new DiskBuffer(dir.Path, 64 << 20, WhenFull.Block);
        reopened.CompleteWriting();
        var messages = new List<string>();
        while (await reopened.ReadAsync(CancellationToken.None) is { } record)
        {
            messages.AddRange(EventCodec.Decode(record.Payload).Select(e => Encoding.UTF8.GetString(e.Message)));
        }
        Assert.Equal(["b1", "b2"], messages);
    }

    [Fact]
    public async Task TornRecordAtTheEnd_IsCutOff_AndTheRecordsBeforeItRemain()
    {
        using var dir = new TempDirectory();
        using (var buffer = new DiskBuffer(dir.Path, 64 << 20, WhenFull.Block))
        {
            await buffer.AppendAsync(Batch("whole"), CancellationToken.None);
        }
        var segment = Directory.GetFiles(dir.Path, "*.seg").Single();
        // A crash in the middle of the next append: a header promising more than was written.
        File.AppendAllText(segment, "\u00ff\u0001\0\0garbage");
        using var reopened = new DiskBuffer(dir.Path, 64 << 20, WhenFull.Block);
        reopened.CompleteWriting();
        var record = await reopened.ReadAsync(CancellationToken.None);
        Assert.Equal("whole", Encoding.UTF8.GetString(EventCodec.Decode(record!.Payload).Single().Message));
        Assert.Null(await reopened.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Full_WithDropOldest_DeletesTheOldestSegmentAndCountsItsEvents()
    {
        using var dir = new TempDirectory();
        using var buffer = new DiskBuffer(dir.Path, 8 << 20, WhenFull.DropOldest);
        var big = Batch(new string('x', 100_000), count: 5);
        long dropped = 0;
        for (var i = 0; i < 40; i++)
        {
            dropped += await buffer.AppendAsync(big, CancellationToken.None);
        }
        Assert.True(buffer.Bytes <= 8 << 20, $"{buffer.Bytes} bytes on disk");
        Assert.True(dropped > 0);
        Assert.Equal(0, dropped % 5);
        Assert.Equal(dropped, buffer.DroppedEvents);
    }

    [Fact]
    public async Task Full_WithBlock_WaitsUntilTheReaderFreesASegment()
    {
        using var dir = new TempDirectory();
        using var buffer = new DiskBuffer(dir.Path, 8 << 20, WhenFull.Block);
        var big = Batch(new string('x', 1_000_000));
        while (buffer.Bytes + big.Length + 8 <= 8 << 20)
        {
            await buffer.AppendAsync(big, CancellationToken.None);
        }
        var blocked = buffer.AppendAsync(big, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(blocked.IsCompleted);
        BufferRecord? record = null;
        for (var i = 0; i < 2; i++)
        {
            record = await buffer.ReadAsync(CancellationToken.None);
        }
        buffer.Commit(record!.Next);
        Assert.Equal(0, await blocked.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static byte[] Batch(string message, int count = 1) => EventCodec.Encode(
        [.. Enumerable.Range(0, count).Select(_ => new LogEvent { Message = Encoding.UTF8.GetBytes(message), Timestamp = DateTimeOffset.UnixEpoch, Source = "/logs/a.log" })]);
}
