using Tandem.Sidecars.LogShipper.Tests.Support;
using Xunit.Abstractions;

namespace Tandem.Sidecars.LogShipper.Tests.EndToEnd;

/// <summary>The shipper as a real process, SIGKILLed mid-stream and started again: nothing lost, duplicates only from batches whose checkpoint was not durable yet.</summary>
public sealed class CrashRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SigkillTwentyTimesMidStream_LosesNothing_AndResendsNothingCheckpointed()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var config = dir.Combine("ship.yaml");
        File.WriteAllText(config, ShipperYaml.FileToHttp(dir.Combine("data"), dir.Combine("logs", "*.log"), sink.Url("/ndjson")));
        Directory.CreateDirectory(dir.Combine("logs"));
        var writers = Enumerable.Range(0, 4).Select(i => new SequenceWriter($"k{i}")).ToArray();
        var audit = new CheckpointAudit(dir.Combine("data"), dir.Combine("logs"));
        using var paused = new SemaphoreSlim(1);
        using var stopWriting = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            var round = 0;
            while (!stopWriting.IsCancellationRequested)
            {
                await paused.WaitAsync();
                for (var i = 0; i < writers.Length; i++)
                {
                    writers[i].Append(dir.Combine("logs", $"app{i}.log"), 10);
                }
                if (++round % 40 == 0)
                {
                    // Rotate one file now and then, so crashes also land around rotations.
                    var victim = dir.Combine("logs", $"app{round / 40 % writers.Length}.log");
                    File.Move(victim, victim.Replace(".log", $".{round}.log", StringComparison.Ordinal));
                }
                paused.Release();
                await Task.Delay(10);
            }
        });
        var random = new Random(6);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var kill = 0; kill < 20; kill++)
        {
            output.WriteLine($"start {kill} at {clock.ElapsedMilliseconds} ms, {sink.Messages.Count} received");
            using var shipper = ShipperProcess.Start(config);
            var before = sink.Messages.Count;
            // Kill only once it is shipping, at a random moment after that.
            await Eventually.AssertAsync(() => sink.Messages.Count > before, TimeSpan.FromSeconds(30), () => $"shipper {kill} delivered nothing: {shipper.StandardError}");
            await Task.Delay(random.Next(0, 300));
            // Writers paused while the checkpoint the dead shipper left is read, so every name in it still holds its stream.
            await paused.WaitAsync();
            shipper.Kill();
            audit.Capture(sink.Messages);
            paused.Release();
        }
        await stopWriting.CancelAsync();
        await writing;
        using (var last = ShipperProcess.Start(config))
        {
            var all = writers.SelectMany(w => w.Written).ToList();
            await Eventually.AssertAsync(() => DeliveryReport.Of(all, sink.Messages).Lost == 0, TimeSpan.FromSeconds(60), () => DeliveryReport.Of(all, sink.Messages).ToString());
            Assert.Equal(0, await last.TerminateAsync(TimeSpan.FromSeconds(30)));
            var report = DeliveryReport.Of(all, sink.Messages);
            var resent = audit.ResentAfterCheckpoint(sink.Messages);
            output.WriteLine($"20 SIGKILLs: {report}; {audit.Checkpointed} lines were covered by a checkpoint at some kill, {resent.Count} of them were sent again");
            Assert.Equal(0, report.Lost);
            Assert.True(audit.Checkpointed > 0, "no kill found a checkpoint: the test proved nothing");
            // A checkpoint only ever covers lines the sink acknowledged ...
            Assert.Empty(audit.CheckpointedButNotReceived());
            // ... and a restart re-sends only what lies past the durable checkpoint: the batches in
            // flight and those acknowledged while the last checkpoint write was under way.
            Assert.Empty(resent);
            // So per kill: at most maxInFlight (2) batches of 500 in flight plus the batches
            // acknowledged during one checkpoint write (one at this test's rate).
            Assert.InRange(report.Duplicates, 0, 20 * 3 * 500);
        }
    }

    [Fact]
    public async Task Sigterm_ReadsToTheEndFlushesAndExitsZero()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var config = dir.Combine("ship.yaml");
        var log = dir.Combine("app.log");
        File.WriteAllText(config, ShipperYaml.FileToHttp(dir.Combine("data"), log, sink.Url("/ndjson")));
        var writer = new SequenceWriter("term");
        writer.Append(log, 100);
        using var shipper = ShipperProcess.Start(config);
        await Eventually.AssertAsync(() => sink.Messages.Count >= 100, TimeSpan.FromSeconds(30), () => shipper.StandardError);
        writer.Append(log, 20_000);
        Assert.Equal(0, await shipper.TerminateAsync(TimeSpan.FromSeconds(30)));
        var report = DeliveryReport.Of(writer.Written, sink.Messages);
        output.WriteLine($"SIGTERM right after 20,000 lines were written: {report}");
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicates);

        // A restart finds everything checkpointed and sends nothing again.
        using var again = ShipperProcess.Start(config);
        // SIGTERM only once it is running (signal handlers installed), then give it time to re-send anything it wrongly would.
        await Eventually.AssertAsync(() => again.StandardError.Contains("shipping:", StringComparison.Ordinal), TimeSpan.FromSeconds(30), () => again.StandardError);
        await Task.Delay(1000);
        Assert.Equal(0, await again.TerminateAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, DeliveryReport.Of(writer.Written, sink.Messages).Duplicates);
    }
}
