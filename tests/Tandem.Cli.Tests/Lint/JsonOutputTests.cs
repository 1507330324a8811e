using System.Text.Json;

namespace Tandem.Cli.Tests.Lint;

public sealed class JsonOutputTests
{
    [Fact]
    public async Task Json_HasTheDocumentedShape_ForFindingsAndUnreadableFiles()
    {
        using var dir = new ManifestDirectory();
        var error = dir.Write("error.yaml", Manifests.Error);
        var warning = dir.Write("warning.yaml", Manifests.Warning);
        var missing = Path.Combine(dir.Root, "missing.yaml");

        var result = await LintCli.Run(error, warning, missing, "--output", "json");

        Assert.Equal(2, result.Exit);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal([error, warning, missing], root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        var summary = root.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("error").GetInt32());
        Assert.Equal(1, summary.GetProperty("warning").GetInt32());
        Assert.Equal(0, summary.GetProperty("info").GetInt32());
        Assert.Equal(1, summary.GetProperty("unreadable").GetInt32());

        var first = root.GetProperty("findings")[0];
        Assert.Equal("port-conflict", first.GetProperty("rule").GetString());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal(error, first.GetProperty("file").GetString());
        Assert.Equal(13, first.GetProperty("line").GetInt32());
        Assert.Equal(22, first.GetProperty("column").GetInt32());
        Assert.Equal("Pod/clash", first.GetProperty("object").GetString());
        Assert.StartsWith("container \"b\" declares port 80/TCP", first.GetProperty("message").GetString());
        Assert.StartsWith("All containers of a pod", first.GetProperty("why").GetString());
        Assert.StartsWith("Give one of the containers", first.GetProperty("fix").GetString());
        Assert.Equal("latest-image", root.GetProperty("findings")[1].GetProperty("rule").GetString());

        var unreadable = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(missing, unreadable.GetProperty("file").GetString());
        Assert.NotEmpty(unreadable.GetProperty("message").GetString()!);
    }

    [Fact]
    public async Task ListRules_AsJson_GivesEveryRule()
    {
        var result = await LintCli.Run("--list-rules", "-o", "json");

        using var json = JsonDocument.Parse(result.Output);
        var ids = json.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString());
        Assert.Equal(Model.Lint.LintRules.All.Select(r => r.Info.Id), ids);
    }
}
