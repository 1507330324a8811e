using Tandem.Sidecars.LogShipper.Configuration;

namespace Tandem.Sidecars.LogShipper.Tests.Configuration;

public sealed class ShipperConfigLoaderTests
{
    [Fact]
    public void Parse_FullConfig_ReadsDurationsSizesEnumsAndMaps()
    {
        var config = ShipperConfigLoader.Parse("""
            dataDir: /var/lib/ship
            inputs:
              - include: ["/logs/*.log"]
                format: cri
                maxLineBytes: 64KiB
                pollInterval: 250ms
                multiline: { startPattern: '^\S', timeout: 2s }
                parse: { type: regex, pattern: '(?<level>\w+) (?<msg>.*)' }
                fields: { team: payments }
            filters:
              - { field: level, match: '^DEBUG$', action: drop }
            outputs:
              - type: loki
                url: http://loki:3100/loki/api/v1/push
                compression: gzip
                labels: { app: web }
            batch: { maxBytes: 2MiB, maxWait: 1s }
            """);
        var input = config.Inputs.Single();
        Assert.Equal(LineFormat.Cri, input.Format);
        Assert.Equal(64 * 1024, input.MaxLineBytes.Bytes);
        Assert.Equal(TimeSpan.FromMilliseconds(250), input.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), input.Multiline!.Timeout);
        Assert.Equal("payments", input.Fields["team"]);
        Assert.Equal(OutputType.Loki, config.Outputs[0].Type);
        Assert.Equal(Compression.Gzip, config.Outputs[0].Compression);
        Assert.Equal(2 << 20, config.Batch.MaxBytes.Bytes);
        Assert.Equal(FilterAction.Drop, config.Filters[0].Action);
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsEveryOneWithItsFieldPath()
    {
        var ex = Assert.Throws<ShipperConfigException>(() => ShipperConfigLoader.Parse("""
            dataDir: relative/dir
            inputs:
              - include: ["logs/*.log"]
                multiline: { startPattern: '(' }
                parse: { type: regex, pattern: '\w+' }
            outputs:
              - type: http
              - type: http
                url: ftp://example
              - type: syslog
                address: nowhere
              - type: file
            batch: { maxEvents: 0 }
            """));
        Assert.Contains(ex.Errors, e => e.StartsWith("dataDir: must be an absolute path", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("inputs[0].include[0]:", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("inputs[0].multiline.startPattern: not a valid regular expression", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("inputs[0].parse.pattern: has no named groups", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("outputs[0].url:", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("outputs[1].url:", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("outputs[2].address:", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("outputs[3].path:", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("batch.maxEvents:", StringComparison.Ordinal));
        Assert.Equal(9, ex.Errors.Count);
    }

    [Fact]
    public void Parse_UnknownKeyOrBadDuration_NamesLineAndColumn()
    {
        var unknown = Assert.Throws<ShipperConfigException>(() => ShipperConfigLoader.Parse("dataDir: /x\ninptus: []\n"));
        Assert.StartsWith("line 2, column 1:", unknown.Errors.Single(), StringComparison.Ordinal);
        var duration = Assert.Throws<ShipperConfigException>(() => ShipperConfigLoader.Parse("dataDir: /x\nshutdownTimeout: soon\n"));
        Assert.Contains("'soon' is not a duration", duration.Errors.Single(), StringComparison.Ordinal);
    }
}
