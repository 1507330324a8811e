namespace Tandem.Cli.Tests.Lint;

public sealed class LintCommandTests
{
    [Fact]
    public async Task CleanFile_ExitsZero_AndSaysSo()
    {
        using var dir = new ManifestDirectory();
        var file = dir.Write("clean.yaml", Manifests.Clean);

        var result = await LintCli.Run(file);

        Assert.Equal(0, result.Exit);
        Assert.Equal("No findings in 1 file.", result.Output.Trim());
    }

    [Fact]
    public async Task WarningsAlone_ExitZero_ErrorsExitOne()
    {
        using var dir = new ManifestDirectory();
        var warning = dir.Write("warning.yaml", Manifests.Warning);
        var error = dir.Write("error.yaml", Manifests.Error);

        Assert.Equal(0, (await LintCli.Run(warning)).Exit);
        var result = await LintCli.Run(error);
        Assert.Equal(1, result.Exit);
        Assert.StartsWith($"{error}:13:22: error [port-conflict] Pod/clash: container \"b\" declares port 80/TCP", result.Output);
        Assert.Contains("    why: All containers of a pod share one network namespace", result.Output);
        Assert.Contains("    fix: Give one of the containers a different port", result.Output);
        Assert.EndsWith("1 finding (1 error) in 1 file.", result.Output.Trim());
    }

    [Fact]
    public async Task FailOnWarning_MakesWarningsFail_AndNoneNeverFails()
    {
        using var dir = new ManifestDirectory();
        var warning = dir.Write("warning.yaml", Manifests.Warning);
        var error = dir.Write("error.yaml", Manifests.Error);

        Assert.Equal(1, (await LintCli.Run(warning, "--fail-on", "warning")).Exit);
        Assert.Equal(0, (await LintCli.Run(error, "--fail-on", "none")).Exit);
    }

    [Fact]
    public async Task MissingFile_ExitsTwo_WithOneLineOnStandardError()
    {
        using var dir = new ManifestDirectory();
        var missing = Path.Combine(dir.Root, "nope.yaml");

        var result = await LintCli.Run(missing);

        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"tandem lint: {missing}: ", line);
    }

    [Fact]
    public async Task BrokenYaml_ExitsTwo_EvenWhenOtherFilesHaveFindings()
    {
        using var dir = new ManifestDirectory();
        var broken = dir.Write("broken.yaml", "apiVersion: v1\nkind: [Pod\n");
        var error = dir.Write("error.yaml", Manifests.Error);

        var result = await LintCli.Run(broken, error);

        Assert.Equal(2, result.Exit);
        Assert.Contains("[port-conflict]", result.Output);
        Assert.Contains($"tandem lint: {broken}:", result.Error);
    }

    [Fact]
    public async Task NoInput_OrAnUnknownDisabledRule_ExitsTwo()
    {
        using var dir = new ManifestDirectory();
        var clean = dir.Write("clean.yaml", Manifests.Clean);

        var none = await LintCli.Run();
        var unknown = await LintCli.Run(clean, "--disable", "no-such-rule");

        Assert.Equal(2, none.Exit);
        Assert.Contains("no input", none.Error);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("\"no-such-rule\", which is not a rule", unknown.Error);
    }

    [Fact]
    public async Task Disable_SilencesTheRule_RepeatedOrCommaSeparated()
    {
        using var dir = new ManifestDirectory();
        var error = dir.Write("error.yaml", Manifests.Error);
        var warning = dir.Write("warning.yaml", Manifests.Warning);

        var result = await LintCli.Run(error, warning, "--disable", "port-conflict,latest-image");
        var repeated = await LintCli.Run(error, warning, "-d", "port-conflict", "-d", "latest-image");

        Assert.Equal(0, result.Exit);
        Assert.Equal("No findings in 2 files.", result.Output.Trim());
        Assert.Equal(0, repeated.Exit);
    }

    [Fact]
    public async Task IgnoreAnnotation_SilencesTheRuleForThatObject()
    {
        using var dir = new ManifestDirectory();
        var file = dir.Write("ignored.yaml", Manifests.Error.Replace(
            "metadata: {name: clash}", "metadata: {name: clash, annotations: {tandem.dev/lint-ignore: port-conflict}}", StringComparison.Ordinal));

        var result = await LintCli.Run(file);

        Assert.Equal(0, result.Exit);
    }

    [Fact]
    public async Task Directories_AreReadRecursively_InSortedOrder_YamlYmlAndJsonOnly()
    {
        using var dir = new ManifestDirectory();
        dir.Write("b/warning.yml", Manifests.Warning.Replace("name: warned", "name: warned-too", StringComparison.Ordinal));
        dir.Write("a/warning.yaml", Manifests.Warning);
        dir.Write("c.json", """{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"}, "spec": {"containers": [{"name": "c", "image": "busybox"}]}}""");
        dir.Write("notes.txt", "not a manifest");

        var result = await LintCli.Run(dir.Root, "--brief");

        var files = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]);
        Assert.Equal(
            [Path.Join(dir.Root, "a", "warning.yaml"), Path.Join(dir.Root, "b", "warning.yml"), Path.Join(dir.Root, "c.json")],
            files);
        Assert.EndsWith("in 3 files.", result.Output.Trim());
    }

    [Fact]
    public async Task Dash_ReadsStandardInput_AndNamesItDash()
    {
        var result = await LintCli.RunWithInput(Manifests.Error, "-", "--brief");

        Assert.Equal(1, result.Exit);
        Assert.StartsWith("-:13:22: error [port-conflict]", result.Output);
    }

    [Fact]
    public async Task ListRules_PrintsEveryRuleWithItsSeverity()
    {
        var result = await LintCli.Run("--list-rules");

        Assert.Equal(0, result.Exit);
        foreach (var rule in Model.Lint.LintRules.All.Select(r => r.Info))
        {
            Assert.Matches($"(?m)^{rule.Id} +{rule.Severity.ToString().ToLowerInvariant()} +", result.Output);
        }
    }

    [Theory]
    [InlineData("--output", "xml")]
    [InlineData("--color", "sometimes")]
    [InlineData("--fail-on", "panic")]
    public async Task AnUnsupportedOptionValue_ExitsTwo_NamingTheChoices(string option, string value)
    {
        using var dir = new ManifestDirectory();
        var clean = dir.Write("clean.yaml", Manifests.Clean);

        var result = await LintCli.Run(clean, option, value);

        Assert.Equal(2, result.Exit);
        Assert.StartsWith($"tandem lint: {option} \"{value}\" is not supported; use one of: ", result.Error);
        Assert.Empty(result.Output);
    }
}
