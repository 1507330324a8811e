using Tandem.Cli.Images;
using Tandem.Runtime;

namespace Tandem.Cli.Tests.Images;

/// <summary>What a pull looks like, as a pure function of the progress reports the image store sends.</summary>
public sealed class PullProgressRenderingTests
{
    private const string Image = "docker.io/library/busybox:1.36";

    // The sequence ImageStore sends for a one-layer image pulled without a terminal.
    private static readonly PullProgress[] OneLayerPull =
    [
        new(Image, 0, null, 0, 0, "resolving"),
        new(Image, 0, null, 0, 1, "copying layer sha256:0eb55eb139e1"),
        new(Image, 0, null, 1, 1, "copying config"),
        new(Image, 0, null, 1, 1, "writing manifest"),
        new(Image, 1_088_211, 1_088_211, 1, 1, "unpacking"),
        new(Image, 1_088_211, 1_088_211, 1, 1, "done"),
    ];

    [Fact]
    public void Terminal_RedrawsOneLineWithCarriageReturns_AndEndsWithNewline()
    {
        var output = new StringWriter();
        var display = new TerminalPullDisplay(output, () => 120, color: false);

        foreach (var progress in OneLayerPull)
        {
            display.Report(progress);
        }
        display.Finish();

        var text = output.ToString();
        Assert.Equal(OneLayerPull.Length, text.Count(c => c == '\r'));
        Assert.EndsWith("\n", text);
        Assert.Single(text, '\n');
        var frames = text.TrimEnd('\n').Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{Image} [....................] resolving", frames[0]);
        Assert.Equal($"{Image} [....................] 0/1 layer  copying layer sha256:0eb55eb139e1", frames[1]);
        // A shorter line is padded with spaces over the rest of the longer one: no clearing, no flicker.
        Assert.Equal($"{Image} [####################] 1/1 layer  copying config" + new string(' ', frames[1].Length - frames[2].TrimEnd().Length), frames[2]);
        Assert.Equal($"{Image} [####################] 1/1 layer  1.09MB/1.09MB  done".PadRight(frames[4].Length), frames[5]);
        Assert.DoesNotContain('\e', text);
    }

    [Fact]
    public void Terminal_SameReportTwice_IsWrittenOnce()
    {
        var output = new StringWriter();
        var display = new TerminalPullDisplay(output, () => 120, color: false);

        display.Report(OneLayerPull[1]);
        display.Report(OneLayerPull[1]);

        Assert.Single(output.ToString(), '\r');
    }

    [Fact]
    public void Terminal_WithColour_ColoursOnlyTheStage()
    {
        var output = new StringWriter();
        var display = new TerminalPullDisplay(output, () => 120, color: true);

        display.Report(OneLayerPull[2]);
        display.Report(OneLayerPull[^1]);

        var frames = output.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{Image} [####################] 1/1 layer  \e[36mcopying config\e[0m", frames[0]);
        Assert.StartsWith($"{Image} [####################] 1/1 layer  1.09MB/1.09MB  \e[32mdone\e[0m", frames[1]);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(30)]
    [InlineData(5)]
    public void Line_NeverReachesTheLastColumn_SoTheTerminalDoesNotWrap(int width)
    {
        var longName = "registry.example.com:5000/team/project/a-rather-long-repository-name:v1.2.3-build.4567";
        foreach (var progress in OneLayerPull.Select(p => p with { Image = longName }))
        {
            var line = PullProgressLine.Render(progress, width, color: true);

            Assert.True(PullProgressLine.VisibleLength(line) <= width - 1, $"{line} at width {width}");
        }
    }

    [Fact]
    public void Line_NameTooLong_KeepsItsEndSoTheTagShows()
    {
        var longName = "registry.example.com:5000/team/project/a-rather-long-repository-name:v1.2.3";

        var line = PullProgressLine.Render(new PullProgress(longName, 0, null, 0, 3, "copying config"), 120, color: false);

        Assert.Equal("…/project/a-rather-long-repository-name:v1.2.3 [....................] 0/3 layers  copying config", line);
    }

    [Fact]
    public void Line_NameKeepsOneWidthAcrossStages_SoTheBarDoesNotJump()
    {
        var longName = "registry.example.com:5000/team/project/a-rather-long-repository-name:v1.2.3";

        var barColumns = OneLayerPull.Select(p => PullProgressLine.Render(p with { Image = longName }, 100, color: false).IndexOf(" [", StringComparison.Ordinal)).Distinct();

        Assert.Single(barColumns);
    }

    [Fact]
    public void Line_BarFollowsBytesWhenKnown_ElseLayers()
    {
        var byBytes = PullProgressLine.Render(new PullProgress("a:1", 500, 1000, 0, 4, "copying"), 120, color: false);
        var byLayers = PullProgressLine.Render(new PullProgress("a:1", 0, null, 1, 4, "copying"), 120, color: false);

        Assert.Equal("a:1 [##########..........] 0/4 layers  500B/1kB  copying", byBytes);
        Assert.Equal("a:1 [#####...............] 1/4 layers  copying", byLayers);
    }

    [Fact]
    public void Plain_PrintsOneLinePerStage_WithoutControlCharacters()
    {
        var output = new StringWriter();
        var display = new PlainPullDisplay(output);

        foreach (var progress in OneLayerPull.Append(OneLayerPull[^1]))
        {
            display.Report(progress);
        }
        display.Finish();

        Assert.Equal(
            $"""
            {Image}: resolving
            {Image}: copying layer sha256:0eb55eb139e1 (0/1 layer done)
            {Image}: copying config (1/1 layer done)
            {Image}: writing manifest (1/1 layer done)
            {Image}: unpacking (1/1 layer done)
            {Image}: done (1.09MB)

            """.ReplaceLineEndings("\n"),
            output.ToString());
    }

    [Fact]
    public void Choice_Quiet_ShowsNothing_AndAWriterThatIsNotTheConsole_GetsPlainLines()
    {
        Assert.Null(PullDisplayChoice.Choose(new StringWriter(), quiet: true, _ => null));
        Assert.IsType<PlainPullDisplay>(PullDisplayChoice.Choose(new StringWriter(), quiet: false, _ => null));
    }
}
