namespace Tandem.Cli.Run;

/// <summary>
/// The lines <c>tandem run</c> prints, whole and never interleaved: container log lines as <c>[pod/container] text</c>,
/// each container's prefix in its own colour on a terminal, and lifecycle lines (events, phase changes, exits)
/// dimmed, warnings in yellow, so the two are easy to tell apart.
/// </summary>
public sealed class RunOutput(TextWriter writer, bool color)
{
    private static readonly string[] Palette = ["\e[36m", "\e[32m", "\e[35m", "\e[34m", "\e[33m", "\e[96m", "\e[92m", "\e[95m"];
    private const string Reset = "\e[0m";
    private const string Dim = "\e[2m";
    private const string Yellow = "\e[33m";
    private const string Red = "\e[31m";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _colours = [];

    public void Log(string pod, string container, string text, bool stderr)
    {
        lock (_gate)
        {
            var prefix = $"[{pod}/{container}]";
            writer.WriteLine(color ? $"{ColourOf(prefix)}{prefix}{Reset} {(stderr ? Dim : "")}{text}{(stderr ? Reset : "")}" : $"{prefix} {text}");
            writer.Flush();
        }
    }

    public void Lifecycle(string subject, string text, LineKind kind = LineKind.Normal)
    {
        lock (_gate)
        {
            var style = kind switch
            {
                LineKind.Warning => Yellow,
                LineKind.Failure => Red,
                _ => Dim,
            };
            writer.WriteLine(color ? $"{style}{subject}: {text}{Reset}" : $"{subject}: {text}");
            writer.Flush();
        }
    }

    private string ColourOf(string prefix)
    {
        if (!_colours.TryGetValue(prefix, out var colour))
        {
            colour = Palette[_colours.Count % Palette.Length];
            _colours[prefix] = colour;
        }
        return colour;
    }
}

/// <summary>How a lifecycle line is styled.</summary>
public enum LineKind
{
    Normal,
    Warning,
    Failure,
}
