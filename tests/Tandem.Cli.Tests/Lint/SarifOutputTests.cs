using System.Text.Json;
using Tandem.Cli.Lint;
using Tandem.Model.Lint;
using Tandem.Model.Sources;

namespace Tandem.Cli.Tests.Lint;

public sealed class SarifOutputTests
{
    [Fact]
    public async Task Sarif_IsVersion210_WithRuleMetadataLevelsAndRegions()
    {
        using var dir = new ManifestDirectory();
        var error = dir.Write("error.yaml", Manifests.Error);

        var result = await LintCli.Run(error, "--output", "sarif");

        Assert.Equal(1, result.Exit);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("tandem-lint", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(LintRules.All.Count, rules.Count);
        var portRule = rules.Single(r => r.GetProperty("id").GetString() == "port-conflict");
        Assert.Equal("PortConflict", portRule.GetProperty("name").GetString());
        Assert.Equal("error", portRule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.NotEmpty(portRule.GetProperty("help").GetProperty("text").GetString()!);
        Assert.Equal("note", rules.Single(r => r.GetProperty("id").GetString() == "unsupported-volume")
            .GetProperty("defaultConfiguration").GetProperty("level").GetString());

        var finding = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("port-conflict", finding.GetProperty("ruleId").GetString());
        Assert.Equal("port-conflict", rules[finding.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Equal("error", finding.GetProperty("level").GetString());
        Assert.StartsWith("Pod/clash: container \"b\"", finding.GetProperty("message").GetProperty("text").GetString());
        var physical = finding.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(13, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(22, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void Locations_UnderTheBaseDirectory_AreRelativeUrisWithForwardSlashes()
    {
        using var dir = new ManifestDirectory();
        var file = Path.Combine(dir.Root, "pods", "my web.yaml");
        var finding = new LintFinding("latest-image", LintSeverity.Warning, "m", "w", "f", new SourceLocation(file, 3, 5), "Pod/web");
        var report = new LintReport([file], [finding], [], [.. LintRules.All.Select(r => r.Info)]);
        var output = new StringWriter();

        new SarifLintFormatter(dir.Root).Write(report, output);

        using var json = JsonDocument.Parse(output.ToString());
        var run = json.RootElement.GetProperty("runs")[0];
        var artifact = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("pods/my%20web.yaml", artifact.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        Assert.Equal(new Uri(dir.Root + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        Assert.Equal("warning", run.GetProperty("results")[0].GetProperty("level").GetString());
    }

    [Fact]
    public async Task UnreadableInputs_AreToolNotifications_AndTheRunIsNotSuccessful()
    {
        using var dir = new ManifestDirectory();
        var missing = Path.Combine(dir.Root, "missing.yaml");

        var result = await LintCli.Run(missing, "-o", "sarif");

        Assert.Equal(2, result.Exit);
        using var json = JsonDocument.Parse(result.Output);
        var invocation = json.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal("error", invocation.GetProperty("toolExecutionNotifications")[0].GetProperty("level").GetString());
    }
}
