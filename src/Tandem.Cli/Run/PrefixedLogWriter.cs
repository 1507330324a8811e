using System.Text;

namespace Tandem.Cli.Run;

/// <summary>
/// What <c>tandem run</c> prints: every container's log lines as <c>[pod/container] text</c>, and
/// lifecycle lines as <c>--&gt; [pod/container] Started</c> or <c>--&gt; pod/web: phase Running -&gt; Succeeded</c>,
/// so they stand out from a container's own output also without colour. Safe to call from one
/// task per container: each line is written whole, under a lock, so lines never interleave.
/// <para>
/// With colour (the caller decides, e.g. with <see cref="Lint.ColorDecision"/>, which honours
/// <c>NO_COLOR</c>): the prefix has the container's own colour; a stderr line is written entirely
/// in that colour, a stdout line's text in the terminal's default; lifecycle lines are bold.
/// Without colour, stdout and stderr lines look the same, so piped output is the container's
/// output with a prefix and nothing else.
/// </para>
/// </summary>
public sealed class PrefixedLogWriter(TextWriter output, bool color)
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Marker = "--> ";

    private readonly Lock _gate = new();
    private readonly ContainerPalette _palette = new();

    /// <summary>
    /// Writes one line the container wrote; a trailing newline is dropped, and text holding several
    /// lines gets the prefix on each.
    /// </summary>
    public void WriteLine(string pod, string container, ReadOnlySpan<char> text, bool stderr = false)
    {
        if (text.EndsWith("\n"))
        {
            text = text[..^1];
        }
        var prefix = $"[{pod}/{container}] ";
        var line = new StringBuilder(prefix.Length + text.Length + 16);
        lock (_gate)
        {
            var tint = color ? _palette.ColorOf($"{pod}/{container}") : null;
            foreach (var range in text.Split('\n'))
            {
                var part = text[range];
                if (part.EndsWith("\r"))
                {
                    part = part[..^1];
                }
                if (tint is null)
                {
                    line.Append(prefix).Append(part);
                }
                else if (stderr)
                {
                    line.Append(tint).Append(prefix).Append(part).Append(Reset);
                }
                else
                {
                    line.Append(tint).Append(prefix).Append(Reset).Append(part);
                }
                line.Append('\n');
            }
            output.Write(line);
            output.Flush();
        }
    }

    /// <summary>Writes one line of UTF-8 text (such as a log line's content, newline included or not).</summary>
    public void WriteLine(string pod, string container, ReadOnlySpan<byte> utf8Text, bool stderr = false) =>
        WriteLine(pod, container, Encoding.UTF8.GetString(utf8Text), stderr);

    /// <summary>A container's lifecycle: <c>--&gt; [pod/container] message</c>.</summary>
    public void WriteLifecycle(string pod, string container, string message)
    {
        lock (_gate)
        {
            var prefix = $"[{pod}/{container}]";
            output.Write(color
                ? $"{Bold}{Marker}{_palette.ColorOf($"{pod}/{container}")}{prefix}{Reset}{Bold} {message}{Reset}\n"
                : $"{Marker}{prefix} {message}\n");
            output.Flush();
        }
    }

    /// <summary>The pod's lifecycle: <c>--&gt; pod/name: message</c>.</summary>
    public void WriteLifecycle(string pod, string message)
    {
        lock (_gate)
        {
            output.Write(color ? $"{Bold}{Marker}pod/{pod}: {message}{Reset}\n" : $"{Marker}pod/{pod}: {message}\n");
            output.Flush();
        }
    }
}
