namespace Tandem.Cli.Lint;

/// <summary>
/// Whether to colour text output: <c>always</c> and <c>never</c> are obeyed; <c>auto</c> colours
/// only the process's own terminal, and never when <c>NO_COLOR</c> is set (no-color.org) or
/// <c>TERM=dumb</c>, so that pipes, files and CI logs get plain text.
/// </summary>
public static class ColorDecision
{
    public static bool Decide(ColorMode mode, TextWriter output, Func<string, string?> environment) => mode switch
    {
        ColorMode.Always => true,
        ColorMode.Never => false,
        _ => ReferenceEquals(output, Console.Out)
            && !Console.IsOutputRedirected
            && string.IsNullOrEmpty(environment("NO_COLOR"))
            && environment("TERM") != "dumb",
    };
}
