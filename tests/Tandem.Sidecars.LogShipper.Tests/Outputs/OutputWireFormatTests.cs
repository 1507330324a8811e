using System.Text.Json;
using Tandem.Sidecars.LogShipper.Tests.Support;
using Tandem.Testing;
using Xunit.Abstractions;

namespace Tandem.Sidecars.LogShipper.Tests.Outputs;

/// <summary>Each output against a receiver speaking its real protocol: every line arrives once, with the metadata the protocol carries.</summary>
public sealed class OutputWireFormatTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private const string Pod = "pod:\n  namespace: shop\n  name: web-7d4\n  container: app";

    [Fact]
    public async Task Loki_ReceivesPushWithPodLabelsAndNanosecondTimestamps()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var (writer, log) = Lines(dir, "loki", 1200);
        await using var shipper = InProcessShipper.Start(Yaml(dir, log, $"type: loki\nurl: {sink.Url("/loki/api/v1/push")}\nlabels:\n  app: web"));
        await AssertAllOnceAsync(sink, writer, shipper);
        var tuple = sink.Documents.First();
        Assert.True(long.Parse(tuple[0].GetString()!) > 1_600_000_000_000_000_000);
        Assert.Contains(sink.RequestHeaders, h => h["Content-Type"].StartsWith("application/json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Http_EventsCarryNamespacePodContainerAndSource()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var (writer, log) = Lines(dir, "labels", 3);
        await using var shipper = InProcessShipper.Start(Yaml(dir, log, $"type: http\nurl: {sink.Url("/ndjson")}") + "\n" + Pod);
        await AssertAllOnceAsync(sink, writer, shipper);
        var document = sink.Documents.First();
        Assert.Equal("shop", document.GetProperty("namespace").GetString());
        Assert.Equal("web-7d4", document.GetProperty("pod").GetString());
        Assert.Equal("app", document.GetProperty("container").GetString());
        Assert.Equal(log, document.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Elasticsearch_BulkItemsAnswered429_AreRetriedAlone()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        sink.FailBulkItems(3);
        var (writer, log) = Lines(dir, "es", 1500);
        await using var shipper = InProcessShipper.Start(Yaml(dir, log, $"type: elasticsearch\nurl: {sink.Url("")}\nindex: logs-app"));
        await AssertAllOnceAsync(sink, writer, shipper);
    }

    [Fact]
    public async Task Otlp_ReceivesLogRecordsWithKubernetesResourceAttributes()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var (writer, log) = Lines(dir, "otlp", 800);
        await using var shipper = InProcessShipper.Start(Yaml(dir, log, $"type: otlp\nurl: {sink.Url("/v1/logs")}") + "\n" + Pod);
        await AssertAllOnceAsync(sink, writer, shipper);
        var record = sink.Documents.First();
        Assert.NotNull(record.GetProperty("timeUnixNano").GetString());
        Assert.Contains(record.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("key").GetString() == "log.file.path");
    }

    [Fact]
    public async Task HttpWithGzip_SendsCompressedBodiesAndHeaders()
    {
        using var dir = new TempDirectory();
        await using var sink = await HttpSink.StartAsync();
        var (writer, log) = Lines(dir, "gzip", 2000);
        await using var shipper = InProcessShipper.Start(Yaml(dir, log, $"type: http\nurl: {sink.Url("/ndjson")}\ncompression: gzip\nheaders:\n  X-Scope-OrgID: tenant-1"));
        await AssertAllOnceAsync(sink, writer, shipper);
        Assert.All(sink.RequestHeaders, h => Assert.Equal("gzip", h["Content-Encoding"]));
        Assert.All(sink.RequestHeaders, h => Assert.Equal("tenant-1", h["X-Scope-OrgID"]));
    }

    [Fact]
    public async Task FileOutput_AppendsOneJsonObjectPerLine()
    {
        using var dir = new TempDirectory();
        var (writer, log) = Lines(dir, "file", 500);
        var target = dir.Combine("out.ndjson");
        await using var shipper = InProcessShipper.Start(Yaml(dir, log, $"type: file\npath: {target}"));
        await Eventually.AssertAsync(() => File.Exists(target) && File.ReadAllLines(target).Length >= 500, Deadline, () => "file output");
        Assert.Equal(0, await shipper.StopAsync());
        var messages = File.ReadAllLines(target).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()!).ToList();
        var report = DeliveryReport.Of(writer.Written, messages);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicates);
    }

    [PrerequisiteFact("cmd:rsyslogd")]
    public async Task Syslog_Rfc5424OverTcp_ReachesARealRsyslog()
    {
        using var rsyslog = await RsyslogServer.StartAsync();
        using var dir = new TempDirectory();
        var (writer, log) = Lines(dir, "syslog", 1000);
        File.AppendAllText(log, "id=syslog-multi first\n");
        await using var shipper = InProcessShipper.Start(Yaml(dir, log, $"type: syslog\naddress: 127.0.0.1:{rsyslog.Port}\nappName: web"));
        var all = writer.Written.Append("syslog-multi").ToList();
        await Eventually.AssertAsync(() => DeliveryReport.Of(all, rsyslog.Received()).Lost == 0, Deadline, () => DeliveryReport.Of(all, rsyslog.Received()).ToString());
        Assert.Equal(0, await shipper.StopAsync());
        var report = DeliveryReport.Of(all, rsyslog.Received());
        output.WriteLine($"syslog to rsyslog: {report}");
        Assert.Equal(0, report.Duplicates);
        Assert.All(rsyslog.Received(), line => Assert.StartsWith("web|", line, StringComparison.Ordinal));
    }

    private static (SequenceWriter Writer, string Log) Lines(TempDirectory dir, string prefix, int count)
    {
        var log = dir.Combine("app.log");
        var writer = new SequenceWriter(prefix);
        writer.Append(log, count);
        return (writer, log);
    }

    private static string Yaml(TempDirectory dir, string log, string outputYaml)
    {
        var lines = outputYaml.Split('\n');
        var indented = "  - " + lines[0] + string.Concat(lines.Skip(1).Select(l => "\n    " + l));
        return $"""
            dataDir: {dir.Combine("data")}
            inputs:
              - include: ["{log}"]
                pollInterval: 20ms
                scanInterval: 100ms
            outputs:
            {indented}
            batch:
              maxWait: 20ms
              maxEvents: 300
            retry:
              initialBackoff: 20ms
              maxBackoff: 200ms
            admin:
              enabled: false
            """;
    }

    private async Task AssertAllOnceAsync(HttpSink sink, SequenceWriter writer, InProcessShipper shipper)
    {
        await Eventually.AssertAsync(() => DeliveryReport.Of(writer.Written, sink.Messages).Lost == 0, Deadline, () => DeliveryReport.Of(writer.Written, sink.Messages).ToString());
        Assert.Equal(0, await shipper.StopAsync());
        var report = DeliveryReport.Of(writer.Written, sink.Messages);
        output.WriteLine(report.ToString());
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicates);
    }
}
