using Tandem.Sidecars.LogShipper.Inputs;
using Tandem.Sidecars.LogShipper.Tests.Support;
using Xunit.Abstractions;

namespace Tandem.Sidecars.LogShipper.Tests.EndToEnd;

/// <summary>What a restarted shipper does with files that changed while it was stopped.</summary>
public sealed class RestartIdentityTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FileReplacedWhileStopped_PossiblyReusingTheInode_IsReadFromItsStart()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var log = dir.Combine("app.log");
        var yaml = ShipperYaml.FileToHttp(dir.Combine("data"), log, sink.Url("/ndjson"));
        var old = new SequenceWriter("old", padding: 200);
        old.Append(log, 400);
        await using (var first = InProcessShipper.Start(yaml))
        {
            await Eventually.AssertAsync(() => DeliveryReport.Of(old.Written, sink.Messages).Lost == 0, Deadline, () => "old lines");
            Assert.Equal(0, await first.StopAsync());
        }
        FileStat.TryGet(log, out var oldIdentity, out _);
        File.Delete(log);
        // A new, shorter file: ext4 usually hands the freed inode straight out again.
        var fresh = new SequenceWriter("new", padding: 10);
        fresh.Append(log, 50);
        FileStat.TryGet(log, out var newIdentity, out _);
        output.WriteLine(oldIdentity == newIdentity ? $"inode {newIdentity} was reused" : $"inode not reused ({oldIdentity} -> {newIdentity})");
        await using var second = InProcessShipper.Start(yaml);
        await Eventually.AssertAsync(() => DeliveryReport.Of(fresh.Written, sink.Messages).Lost == 0, Deadline, () => DeliveryReport.Of(fresh.Written, sink.Messages).ToString());
        Assert.Equal(0, await second.StopAsync());
        Assert.Equal(0, DeliveryReport.Of(fresh.Written, sink.Messages).Duplicates);
        Assert.Equal(0, DeliveryReport.Of(old.Written, sink.Messages).Duplicates);
    }

    [Fact]
    public async Task FileRenamedAndAppendedWhileStopped_ContinuesWhereItStopped()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var log = dir.Combine("app.log");
        var yaml = ShipperYaml.FileToHttp(dir.Combine("data"), dir.Combine("app.log*"), sink.Url("/ndjson"));
        var writer = new SequenceWriter("renamed");
        writer.Append(log, 300);
        await using (var first = InProcessShipper.Start(yaml))
        {
            await Eventually.AssertAsync(() => DeliveryReport.Of(writer.Written, sink.Messages).Lost == 0, Deadline, () => "first lines");
            Assert.Equal(0, await first.StopAsync());
        }
        writer.Append(log, 100);
        File.Move(log, log + ".1");
        writer.Append(log, 100);
        await using var second = InProcessShipper.Start(yaml);
        await Eventually.AssertAsync(() => DeliveryReport.Of(writer.Written, sink.Messages).Lost == 0, Deadline, () => DeliveryReport.Of(writer.Written, sink.Messages).ToString());
        Assert.Equal(0, await second.StopAsync());
        var report = DeliveryReport.Of(writer.Written, sink.Messages);
        output.WriteLine(report.ToString());
        Assert.Equal(0, report.Duplicates);
    }
}
