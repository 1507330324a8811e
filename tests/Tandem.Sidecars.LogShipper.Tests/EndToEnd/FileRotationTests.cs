using Tandem.Sidecars.LogShipper.Tests.Support;
using Xunit.Abstractions;

namespace Tandem.Sidecars.LogShipper.Tests.EndToEnd;

/// <summary>Vector's harness cases: rotation by rename, copytruncate, truncation, many files. Every line must arrive once.</summary>
public sealed class FileRotationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RotationByRename_WithRotatedNameMatched_DeliversEveryLineOnce()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var log = dir.Combine("app.log");
        var writer = new SequenceWriter("rename");
        writer.Append(log, 200);
        await using var shipper = InProcessShipper.Start(ShipperYaml.FileToHttp(dir.Combine("data"), dir.Combine("app.log*"), sink.Url("/ndjson")));
        for (var round = 1; round <= 3; round++)
        {
            await Eventually.AssertAsync(() => sink.Messages.Count > 0, Deadline, () => "first lines");
            writer.Append(log, 100);
            File.Move(log, $"{log}.{round}");
            // The app writes a little more to the old file before it reopens: still read.
            writer.Append($"{log}.{round}", 10);
            writer.Append(log, 100);
        }
        await AssertCompleteAsync(sink, writer, shipper, duplicatesAllowed: false);
    }

    [Fact]
    public async Task RotationByRename_WithRotatedNameNotMatched_ReadsOldFileToItsEnd()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var log = dir.Combine("app.log");
        var writer = new SequenceWriter("unmatched");
        writer.Append(log, 100);
        await using var shipper = InProcessShipper.Start(ShipperYaml.FileToHttp(dir.Combine("data"), log, sink.Url("/ndjson")));
        await Eventually.AssertAsync(() => sink.Messages.Count >= 100, Deadline, () => "first lines");
        File.Move(log, log + ".old");
        writer.Append(log + ".old", 50);
        writer.Append(log, 100);
        await AssertCompleteAsync(sink, writer, shipper, duplicatesAllowed: false);
    }

    [Fact]
    public async Task CopyTruncate_WhileTheAppKeepsWriting_DeliversEveryLineOnce()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var log = dir.Combine("app.log");
        var writer = new SequenceWriter("copytruncate");
        writer.Append(log, 300);
        await using var shipper = InProcessShipper.Start(ShipperYaml.FileToHttp(dir.Combine("data"), dir.Combine("app.log*"), sink.Url("/ndjson")));
        for (var round = 1; round <= 3; round++)
        {
            await Eventually.AssertAsync(() => sink.Messages.Count > 0, Deadline, () => "first lines");
            // logrotate's copytruncate: lines written just before the copy are in the copy only.
            writer.Append(log, 200);
            File.Copy(log, $"{log}.{round}");
            using (var truncate = new FileStream(log, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                truncate.SetLength(0);
            }
            writer.Append(log, 150);
            await Eventually.AssertAsync(() => DeliveryReport.Of(writer.Written, sink.Messages).Lost == 0, Deadline, () => DeliveryReport.Of(writer.Written, sink.Messages).ToString());
        }
        await AssertCompleteAsync(sink, writer, shipper, duplicatesAllowed: false);
    }

    [Fact]
    public async Task TruncationToZero_ThenNewLines_DeliversTheNewLines()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var log = dir.Combine("app.log");
        var writer = new SequenceWriter("truncate");
        writer.Append(log, 500);
        await using var shipper = InProcessShipper.Start(ShipperYaml.FileToHttp(dir.Combine("data"), log, sink.Url("/ndjson")));
        await Eventually.AssertAsync(() => sink.Messages.Count >= 500, Deadline, () => "first lines");
        File.WriteAllBytes(log, []);
        // Fewer bytes than before, so only the truncation check (size below offset) can notice.
        writer.Append(log, 20);
        await AssertCompleteAsync(sink, writer, shipper, duplicatesAllowed: false);
    }

    [Fact]
    public async Task TenFiles_WrittenAtOnce_DeliverEveryLineOnce()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        await using var shipper = InProcessShipper.Start(ShipperYaml.FileToHttp(dir.Combine("data"), dir.Combine("*.log"), sink.Url("/ndjson")));
        var writers = Enumerable.Range(0, 10).Select(i => new SequenceWriter($"f{i}")).ToArray();
        await Task.WhenAll(writers.Select((w, i) => Task.Run(() =>
        {
            for (var chunk = 0; chunk < 20; chunk++)
            {
                w.Append(dir.Combine($"file{i}.log"), 250);
            }
        })));
        var all = writers.SelectMany(w => w.Written).ToList();
        await Eventually.AssertAsync(() => DeliveryReport.Of(all, sink.Messages).Lost == 0, Deadline, () => DeliveryReport.Of(all, sink.Messages).ToString());
        Assert.Equal(0, await shipper.StopAsync());
        var report = DeliveryReport.Of(all, sink.Messages);
        output.WriteLine(report.ToString());
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicates);
    }

    private async Task AssertCompleteAsync(HttpSink sink, SequenceWriter writer, InProcessShipper shipper, bool duplicatesAllowed)
    {
        await Eventually.AssertAsync(() => DeliveryReport.Of(writer.Written, sink.Messages).Lost == 0, Deadline, () => DeliveryReport.Of(writer.Written, sink.Messages).ToString());
        Assert.Equal(0, await shipper.StopAsync());
        var report = DeliveryReport.Of(writer.Written, sink.Messages);
        output.WriteLine(report.ToString());
        Assert.Equal(0, report.Lost);
        if (!duplicatesAllowed)
        {
            Assert.Equal(0, report.Duplicates);
        }
    }
}
