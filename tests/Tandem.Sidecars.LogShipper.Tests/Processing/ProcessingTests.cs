using System.Text;
using Tandem.Sidecars.LogShipper.Tests.Support;

namespace Tandem.Sidecars.LogShipper.Tests.Processing;

/// <summary>Parsing, timestamps, static fields, filters, CRI and multi-line inputs, end to end through a real sink.</summary>
public sealed class ProcessingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task JsonLines_AreParsedIntoFields_WithTheirTimestamp_AndDebugIsDropped()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var log = dir.Combine("app.log");
        File.WriteAllLines(log,
        [
            """{"time":"2026-03-04T05:06:07.5Z","level":"info","msg":"id=json-1 ok","user":{"id":7}}""",
            """{"time":"2026-03-04T05:06:08Z","level":"debug","msg":"id=json-2 noisy"}""",
            "id=json-3 not json at all",
        ]);
        await using var shipper = InProcessShipper.Start(ShipperYaml.FileToHttp(dir.Combine("data"), log, sink.Url("/ndjson"),
            extraInput: "parse: { type: json, timestampField: time }\nfields: { team: payments }",
            extraRoot: "filters:\n  - { field: level, match: '^debug$', action: drop }"));
        await Eventually.AssertAsync(() => sink.Messages.Count >= 2, Deadline, () => string.Join("\n", sink.Messages));
        Assert.Equal(0, await shipper.StopAsync());
        Assert.Equal(2, sink.Messages.Count);
        var first = sink.Documents.First();
        Assert.Equal("2026-03-04T05:06:07.5+00:00", first.GetProperty("timestamp").GetString());
        Assert.Equal("info", first.GetProperty("level").GetString());
        Assert.Equal(7, first.GetProperty("user").GetProperty("id").GetInt32());
        Assert.Equal("payments", first.GetProperty("team").GetString());
        Assert.Equal("id=json-3 not json at all", sink.Documents.Last().GetProperty("message").GetString());
    }

    [Fact]
    public async Task RegexWithNamedGroups_AndCustomTimeFormat_AndKeepFilter()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var log = dir.Combine("access.log");
        File.WriteAllLines(log,
        [
            "10.0.0.1 [21/Nov/2026:20:01:02 +0000] GET /a 200",
            "10.0.0.2 [21/Nov/2026:20:01:03 +0000] GET /b 500",
        ]);
        await using var shipper = InProcessShipper.Start(ShipperYaml.FileToHttp(dir.Combine("data"), log, sink.Url("/ndjson"),
            extraInput: @"parse: { type: regex, pattern: '^(?<client>\S+) \[(?<time>[^\]]+)\] (?<method>\S+) (?<path>\S+) (?<status>\d+)$', timestampField: time, timestampFormat: 'dd/MMM/yyyy:HH:mm:ss zzz' }",
            extraRoot: "filters:\n  - { field: status, match: '^5', action: keep }"));
        await Eventually.AssertAsync(() => sink.Messages.Count >= 1, Deadline, () => "keep filter");
        Assert.Equal(0, await shipper.StopAsync());
        var only = Assert.Single(sink.Documents);
        Assert.Equal("500", only.GetProperty("status").GetString());
        Assert.Equal("/b", only.GetProperty("path").GetString());
        Assert.Equal("2026-11-21T20:01:03+00:00", only.GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task KubeletCriLogWithStackTrace_IsJoinedIntoOneEvent()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var log = dir.Combine("0.log");
        File.WriteAllLines(log,
        [
            "2026-11-21T20:00:00.000000001Z stdout F id=cri-1 started",
            "2026-11-21T20:00:01.000000001Z stderr F id=cri-2 Unhandled exception: boom",
            "2026-11-21T20:00:01.000000002Z stderr F    at Shop.Checkout()",
            "2026-11-21T20:00:01.000000003Z stderr P    at Shop.Main(",
            "2026-11-21T20:00:01.000000004Z stderr F string[] args)",
            "2026-11-21T20:00:02.000000001Z stdout F id=cri-3 recovered",
        ]);
        await using var shipper = InProcessShipper.Start(ShipperYaml.FileToHttp(dir.Combine("data"), log, sink.Url("/ndjson"),
            extraInput: "format: cri\nmultiline: { startPattern: '^id=', timeout: 200ms }"));
        await Eventually.AssertAsync(() => sink.Messages.Count >= 3, Deadline, () => string.Join("\n", sink.Messages));
        Assert.Equal(0, await shipper.StopAsync());
        var trace = sink.Documents.Single(d => d.GetProperty("message").GetString()!.StartsWith("id=cri-2", StringComparison.Ordinal));
        Assert.Equal("id=cri-2 Unhandled exception: boom\n   at Shop.Checkout()\n   at Shop.Main(string[] args)", trace.GetProperty("message").GetString());
        Assert.Equal("stderr", trace.GetProperty("stream").GetString());
        Assert.Equal("2026-11-21T20:00:01+00:00", trace.GetProperty("timestamp").GetString());
        Assert.Equal(3, sink.Messages.Count);
    }

    [Fact]
    public async Task Stdin_IsShippedUntilItEnds()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var writer = new SequenceWriter("stdin");
        var text = string.Concat(Enumerable.Range(0, 300).Select(_ => writer.NextLine() + "\n"));
        var yaml = ShipperYaml.FileToHttp(dir.Combine("data"), "/unused", sink.Url("/ndjson")).Replace("- type: file\n    include: [\"/unused\"]", "- type: stdin", StringComparison.Ordinal);
        await using var shipper = InProcessShipper.Start(yaml, new MemoryStream(Encoding.UTF8.GetBytes(text)));
        await Eventually.AssertAsync(() => DeliveryReport.Of(writer.Written, sink.Messages).Lost == 0, Deadline, () => DeliveryReport.Of(writer.Written, sink.Messages).ToString());
        Assert.Equal(0, await shipper.Completion.WaitAsync(Deadline));
        Assert.Equal(0, DeliveryReport.Of(writer.Written, sink.Messages).Duplicates);
    }
}
