using Tandem.Cli.Lint;

namespace Tandem.Cli.Tests.Lint;

public sealed class TextOutputTests
{
    [Fact]
    public async Task CapturedOutput_HasNoColour_UnlessAskedFor()
    {
        using var dir = new ManifestDirectory();
        var error = dir.Write("error.yaml", Manifests.Error);

        var plain = await LintCli.Run(error);
        var coloured = await LintCli.Run(error, "--color", "always");
        var never = await LintCli.Run(error, "--color", "never");

        Assert.DoesNotContain('\u001b', plain.Output);
        Assert.Contains("\u001b[1;31merror\u001b[0m", coloured.Output);
        Assert.DoesNotContain('\u001b', never.Output);
    }

    [Fact]
    public void Auto_NeverColoursAWriterThatIsNotTheConsole_NorWhenNoColorIsSet()
    {
        Assert.False(ColorDecision.Decide(ColorMode.Auto, new StringWriter(), _ => null));
        Assert.False(ColorDecision.Decide(ColorMode.Auto, Console.Out, name => name == "NO_COLOR" ? "1" : null));
        Assert.True(ColorDecision.Decide(ColorMode.Always, new StringWriter(), _ => "1"));
    }

    [Fact]
    public async Task Brief_PrintsOneLinePerFinding_AndTheSummary()
    {
        using var dir = new ManifestDirectory();
        var error = dir.Write("error.yaml", Manifests.Error);

        var result = await LintCli.Run(error, "--brief");

        Assert.Equal(
            [$"{error}:13:22: error [port-conflict] Pod/clash: container \"b\" declares port 80/TCP, which container \"a\" already uses; they share one network namespace",
             "1 finding (1 error) in 1 file."],
            result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
