using System.Text;

namespace Tandem.Cli.Images;

/// <summary>
/// One pull as one terminal line: name, a bar, layers, bytes and the current stage, cut to the
/// terminal's width so that it never wraps (a wrapped line cannot be redrawn with <c>\r</c>).
/// </summary>
public static class PullProgressLine
{
    private const int BarWidth = 20;
    private const string Cyan = "\e[36m";
    private const string Green = "\e[32m";
    private const string Reset = "\e[0m";
    private const int MinimumName = 16;

    // What the name leaves room for: the bar (24), "12/12 layers  " (14), "99.9MB/99.9MB  " (15) and
    // a stage (20). The name's width depends on the terminal only, so it does not jump as stages change.
    private const int TailBudget = 73;

    /// <summary>The line for one progress report; with <paramref name="color"/> the stage is coloured (green once done).</summary>
    public static string Render(Runtime.PullProgress progress, int width, bool color)
    {
        var text = new StringBuilder();
        text.Append(" [").Append(Bar(progress)).Append("] ");
        if (progress.LayersTotal > 0)
        {
            text.Append(progress.LayersDone).Append('/').Append(progress.LayersTotal)
                .Append(progress.LayersTotal == 1 ? " layer  " : " layers  ");
        }
        if (progress.BytesTotal is { } total && total > 0)
        {
            text.Append(ByteSize.Format(progress.BytesDone)).Append('/').Append(ByteSize.Format(total)).Append("  ");
        }
        else if (progress.BytesDone > 0)
        {
            text.Append(ByteSize.Format(progress.BytesDone)).Append("  ");
        }
        var middle = text.ToString();
        // The last column stays empty: writing into it makes some terminals wrap at once.
        var room = Math.Max(width - 1, 1);
        // A long name gives way first, keeping its end (the tag tells pulls apart), then the stage is cut.
        var nameRoom = Math.Max(room - TailBudget, MinimumName);
        var name = progress.Image.Length <= nameRoom ? progress.Image : "…" + progress.Image[^(nameRoom - 1)..];
        var prefix = name + middle;
        if (prefix.Length >= room)
        {
            return prefix[..room];
        }
        var stage = progress.Stage.Length > room - prefix.Length ? progress.Stage[..(room - prefix.Length)] : progress.Stage;
        return color ? prefix + (progress.Stage == "done" ? Green : Cyan) + stage + Reset : prefix + stage;
    }

    /// <summary>The bar fills by bytes when their total is known, else by finished layers.</summary>
    private static string Bar(Runtime.PullProgress progress)
    {
        double fraction = progress.Stage == "done" ? 1
            : progress.BytesTotal is { } total && total > 0 ? (double)progress.BytesDone / total
            : progress.LayersTotal > 0 ? (double)progress.LayersDone / progress.LayersTotal
            : 0;
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * BarWidth);
        return new string('#', filled) + new string('.', BarWidth - filled);
    }

    /// <summary>How many characters a rendered line occupies on screen (colour codes take none).</summary>
    public static int VisibleLength(string line) =>
        line.Replace(Cyan, "", StringComparison.Ordinal).Replace(Green, "", StringComparison.Ordinal).Replace(Reset, "", StringComparison.Ordinal).Length;
}
