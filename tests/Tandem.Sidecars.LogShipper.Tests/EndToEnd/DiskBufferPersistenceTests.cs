using Tandem.Sidecars.LogShipper.Tests.Support;
using Xunit.Abstractions;

namespace Tandem.Sidecars.LogShipper.Tests.EndToEnd;

/// <summary>Vector's disk_buffer_persistence_correctness, stricter: sink down, lines read into the disk buffer, shipper restarted, log file deleted, sink up: every line arrives.</summary>
public sealed class DiskBufferPersistenceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SinkDown_ShipperRestarted_LogDeleted_EveryLineStillArrivesFromTheDiskBuffer()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        await sink.StopAsync();
        var log = dir.Combine("app.log");
        var writer = new SequenceWriter("disk");
        writer.Append(log, 5000);
        var yaml = ShipperYaml.FileToHttp(dir.Combine("data"), log, sink.Url("/ndjson"),
            extraRoot: "buffer:\n  type: disk\n  maxDiskBytes: 64MiB").Replace("shutdownTimeout: 20s", "shutdownTimeout: 1s", StringComparison.Ordinal);
        await using (var first = InProcessShipper.Start(yaml))
        {
            // Everything read and durable in the buffer: the checkpoint is at the end of the file.
            await Eventually.AssertAsync(() => CheckpointCovers(dir.Combine("data", "checkpoints.json"), new FileInfo(log).Length), TimeSpan.FromSeconds(30), () => "lines buffered");
            Assert.Equal(1, await first.StopAsync());
        }
        File.Delete(log);
        await sink.RestartAsync();
        await using var second = InProcessShipper.Start(yaml);
        await Eventually.AssertAsync(() => DeliveryReport.Of(writer.Written, sink.Messages).Lost == 0, TimeSpan.FromSeconds(30), () => DeliveryReport.Of(writer.Written, sink.Messages).ToString());
        Assert.Equal(0, await second.StopAsync());
        var report = DeliveryReport.Of(writer.Written, sink.Messages);
        output.WriteLine($"disk buffer across restart with the log deleted: {report}");
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicates);
    }

    private static bool CheckpointCovers(string file, long length)
    {
        try
        {
            return File.Exists(file) && File.ReadAllText(file).Contains($"\"offset\":{length}", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
