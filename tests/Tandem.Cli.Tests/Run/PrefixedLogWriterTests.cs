using System.Text;
using System.Text.RegularExpressions;
using Tandem.Cli.Run;

namespace Tandem.Cli.Tests.Run;

public sealed partial class PrefixedLogWriterTests
{
    private const string Esc = "\u001b[";

    [Fact]
    public void PlainLines_ArePrefixedWithPodAndContainer_AndStderrLooksTheSame()
    {
        var output = new StringWriter();
        var writer = new PrefixedLogWriter(output, color: false);

        writer.WriteLine("web", "nginx", "GET / 200\n");
        writer.WriteLine("web", "sidecar", "no newline", stderr: true);
        writer.WriteLine("web", "nginx", "one\r\ntwo\n\nfour");
        writer.WriteLine("web", "nginx", "bytes ✓\n"u8);
        writer.WriteLine("web", "nginx", "");

        Assert.Equal(
            "[web/nginx] GET / 200\n[web/sidecar] no newline\n[web/nginx] one\n[web/nginx] two\n[web/nginx] \n[web/nginx] four\n[web/nginx] bytes ✓\n[web/nginx] \n",
            output.ToString());
    }

    [Fact]
    public void LifecycleLines_AreMarked_ForContainersAndForThePod()
    {
        var output = new StringWriter();
        var writer = new PrefixedLogWriter(output, color: false);

        writer.WriteLifecycle("web", "nginx", "Started");
        writer.WriteLifecycle("web", "phase Running -> Succeeded");

        Assert.Equal("--> [web/nginx] Started\n--> pod/web: phase Running -> Succeeded\n", output.ToString());
    }

    [Fact]
    public void Color_PaintsThePrefixInTheContainersColour_AndAStderrLineWhole()
    {
        var output = new StringWriter();
        var writer = new PrefixedLogWriter(output, color: true);

        writer.WriteLine("web", "nginx", "out");
        writer.WriteLine("web", "nginx", "err", stderr: true);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var tint = ColorCode().Match(lines[0]).Value;
        Assert.StartsWith(Esc, tint, StringComparison.Ordinal);
        Assert.Equal($"{tint}[web/nginx] {Esc}0mout", lines[0]);
        Assert.Equal($"{tint}[web/nginx] err{Esc}0m", lines[1]);
        Assert.Equal(["[web/nginx] out", "[web/nginx] err"], lines.Select(l => AnsiCode().Replace(l, "")));
    }

    [Fact]
    public void Color_IsDistinctPerContainer_AndStableAcrossRuns()
    {
        var containers = new[] { "main", "sidecar", "proxy", "logs", "init-db", "config" };

        var first = Colors(containers);
        // A fresh writer (as in the next run of tandem run) picks the same colours: the hash is not per process.
        var second = Colors(containers);

        Assert.Equal(containers.Length, first.Distinct().Count());
        Assert.Equal(first, second);
    }

    [Fact]
    public void Color_LifecycleLinesAreBold()
    {
        var output = new StringWriter();
        var writer = new PrefixedLogWriter(output, color: true);

        writer.WriteLifecycle("web", "phase Running -> Succeeded");

        Assert.Equal($"{Esc}1m--> pod/web: phase Running -> Succeeded{Esc}0m\n", output.ToString());
    }

    [Fact]
    public async Task ManyContainersAtOnce_NeverInterleaveWithinALine()
    {
        var output = new StringWriter();
        var writer = new PrefixedLogWriter(output, color: true);
        const int Containers = 8;
        const int LinesEach = 2000;
        var text = new string('x', 200);

        await Task.WhenAll(Enumerable.Range(0, Containers).Select(c => Task.Run(() =>
        {
            for (var i = 0; i < LinesEach; i++)
            {
                writer.WriteLine("pod", $"c{c}", $"{i} {text}\n", stderr: i % 2 == 1);
            }
        })));

        var lines = AnsiCode().Replace(output.ToString(), "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Containers * LinesEach, lines.Length);
        for (var c = 0; c < Containers; c++)
        {
            var own = lines.Where(l => l.StartsWith($"[pod/c{c}] ", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, LinesEach).Select(i => $"[pod/c{c}] {i} {text}"), own);
        }
    }

    private static List<string> Colors(string[] containers)
    {
        var output = new StringWriter();
        var writer = new PrefixedLogWriter(output, color: true);
        foreach (var container in containers)
        {
            writer.WriteLine("web", container, "x");
        }
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => ColorCode().Match(l).Value)];
    }

    [GeneratedRegex(@"^\u001b\[\d+m")]
    private static partial Regex ColorCode();

    [GeneratedRegex(@"\u001b\[\d+(;\d+)*m")]
    private static partial Regex AnsiCode();
}
