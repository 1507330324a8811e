using System.Diagnostics;
using Tandem.Sidecars.LogShipper.Tests.Support;
using Xunit.Abstractions;

namespace Tandem.Sidecars.LogShipper.Tests.Inputs;

/// <summary>Quiet files are not polled: inotify wakes the tailer when a line or a file appears.</summary>
public sealed class DirectoryChangeSignalTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WithPollAndScanEveryMinute_NewLinesAndNewFilesStillArriveAtOnce()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        Directory.CreateDirectory(dir.Combine("logs"));
        var writer = new SequenceWriter("wake");
        writer.Append(dir.Combine("logs", "a.log"), 10);
        // Poll and scan once a minute: only an inotify wake-up can deliver within the deadline below.
        await using var shipper = InProcessShipper.Start($"""
            dataDir: {dir.Combine("data")}
            inputs:
              - include: ["{dir.Combine("logs", "*.log")}"]
                pollInterval: 60s
                scanInterval: 60s
            outputs:
              - type: http
                url: {sink.Url("/ndjson")}
            batch: {"{"} maxWait: 20ms {"}"}
            admin: {"{"} enabled: false {"}"}
            """);
        await Eventually.AssertAsync(() => sink.Messages.Count == 10, TimeSpan.FromSeconds(30), () => $"initial lines: {sink.Messages.Count}");
        // Let the tailer go to sleep on its one-minute fallback.
        await Task.Delay(500);

        var clock = Stopwatch.StartNew();
        writer.Append(dir.Combine("logs", "a.log"), 5);
        await Eventually.AssertAsync(() => sink.Messages.Count == 15, TimeSpan.FromSeconds(10), () => $"appended lines: {sink.Messages.Count}");
        output.WriteLine($"5 lines appended to a quiet file arrived after {clock.ElapsedMilliseconds} ms");

        clock.Restart();
        writer.Append(dir.Combine("logs", "b.log"), 5);
        await Eventually.AssertAsync(() => sink.Messages.Count == 20, TimeSpan.FromSeconds(10), () => $"new file's lines: {sink.Messages.Count}");
        output.WriteLine($"a new file's 5 lines arrived after {clock.ElapsedMilliseconds} ms");

        Assert.Equal(0, await shipper.StopAsync());
        Assert.Equal(0, DeliveryReport.Of(writer.Written, sink.Messages).Lost);
    }
}
