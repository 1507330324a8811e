namespace Tandem.Cli.Images;

/// <summary>
/// Which progress a pull shows: a bar redrawn in place on the process's own terminal, one line per
/// stage anywhere else (pipes, files, CI logs, <c>TERM=dumb</c>), nothing with <c>--quiet</c>.
/// Colour only on the terminal and never when <c>NO_COLOR</c> is set (no-color.org).
/// </summary>
public static class PullDisplayChoice
{
    public static IPullDisplay? Choose(TextWriter output, bool quiet, Func<string, string?> environment)
    {
        if (quiet)
        {
            return null;
        }
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && environment("TERM") != "dumb";
        if (!terminal)
        {
            return new PlainPullDisplay(output);
        }
        var color = string.IsNullOrEmpty(environment("NO_COLOR"));
        return new TerminalPullDisplay(output, TerminalWidth, color);
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
