using Tandem.Runtime;

namespace Tandem.Cli.Images;

/// <summary>
/// A progress bar redrawn in place: each report returns the cursor with <c>\r</c> and overwrites
/// the line, padding with spaces only where the old line was longer. Nothing is cleared first and
/// an unchanged line is not written again, so the bar does not flicker.
/// </summary>
public sealed class TerminalPullDisplay(TextWriter output, Func<int> width, bool color) : IPullDisplay
{
    private readonly Lock _lock = new();
    private string _shown = "";
    private int _shownLength;

    public void Report(PullProgress value)
    {
        lock (_lock)
        {
            var line = PullProgressLine.Render(value, width(), color);
            if (line == _shown)
            {
                return;
            }
            var length = PullProgressLine.VisibleLength(line);
            output.Write('\r' + line + new string(' ', Math.Max(_shownLength - length, 0)));
            output.Flush();
            _shown = line;
            _shownLength = length;
        }
    }

    public void Finish()
    {
        lock (_lock)
        {
            if (_shownLength > 0)
            {
                output.WriteLine();
                output.Flush();
            }
            _shown = "";
            _shownLength = 0;
        }
    }
}
