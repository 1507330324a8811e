using System.Text;

namespace Tandem.Cli.Printing;

/// <summary>
/// Go's <c>text/tabwriter</c> as kubectl configures it: tab-terminated cells are padded to the widest cell of their
/// column block (consecutive lines that have that column), the text after the last tab is not aligned. With
/// <c>rememberWidths</c> the widths never shrink between flushes, like the liggitt/tabwriter fork kubectl uses for
/// <c>get -w</c>, so watch lines stay under their header.
/// </summary>
public sealed class TabAligner(TextWriter output, int minWidth, int padding, bool rememberWidths = false)
{
    private readonly List<string[]> _lines = [];
    private readonly List<int> _remembered = [];

    /// <summary>Adds text that may contain several lines; cells are separated by tabs.</summary>
    public void Write(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            _lines.Add(line.Split('\t'));
        }
        // Split leaves an empty entry after a final newline: it is the start of the next line, not a line.
        if (text.EndsWith('\n'))
        {
            _lines.RemoveAt(_lines.Count - 1);
        }
    }

    public void WriteLine(string text) => Write(text + "\n");

    public void Flush()
    {
        var widths = new int[_lines.Count][];
        for (var i = 0; i < _lines.Count; i++)
        {
            widths[i] = new int[Math.Max(0, _lines[i].Length - 1)];
        }
        Format(0, 0, _lines.Count, widths);
        var builder = new StringBuilder();
        for (var i = 0; i < _lines.Count; i++)
        {
            var cells = _lines[i];
            for (var c = 0; c < cells.Length; c++)
            {
                builder.Append(cells[c]);
                if (c < cells.Length - 1)
                {
                    builder.Append(' ', Math.Max(0, widths[i][c] - cells[c].Length));
                }
            }
            builder.Append('\n');
        }
        output.Write(builder.ToString());
        output.Flush();
        _lines.Clear();
    }

    // tabwriter.format: a column block is a run of lines that have a cell in this column; its width is the widest
    // cell plus padding (at least minWidth); then the same is done for the next column within the block.
    private void Format(int column, int first, int end, int[][] widths)
    {
        var line = first;
        while (line < end)
        {
            if (column >= _lines[line].Length - 1)
            {
                line++;
                continue;
            }
            var blockStart = line;
            var width = minWidth;
            for (; line < end && column < _lines[line].Length - 1; line++)
            {
                width = Math.Max(width, _lines[line][column].Length + padding);
            }
            if (rememberWidths)
            {
                while (_remembered.Count <= column)
                {
                    _remembered.Add(0);
                }
                width = Math.Max(width, _remembered[column]);
                _remembered[column] = width;
            }
            for (var i = blockStart; i < line; i++)
            {
                widths[i][column] = width;
            }
            Format(column + 1, blockStart, line, widths);
        }
    }
}
