namespace Tandem.Node.Logs;

/// <summary>
/// Where <c>tailLines=N</c> starts reading: just past the end of the line N+1 from the end, counting
/// only complete lines (an <c>F</c> record ends one) of the selected streams, so a line cut into
/// partial records counts once. The kubelet counts raw records backwards from the end instead
/// (<c>tail.FindTailLineStartIndex</c>); scanning forward keeps the partial-record rule simple and
/// costs one pass over a file that rotation keeps at most <c>containerLogMaxSize</c> long.
/// </summary>
internal static class LogTail
{
    public static async ValueTask<long> FindStartAsync(string path, long lines, LogReadOptions options, CancellationToken cancellationToken)
    {
        using var cursor = LogFileCursor.TryOpen(path, 0);
        if (cursor is null)
        {
            return 0;
        }
        // Offsets just past each of the last lines+1 complete lines; the oldest is where the tail begins.
        var ends = new Queue<long>();
        while (true)
        {
            while (cursor.TryTakeRecord(out var record))
            {
                if (EndsSelectedLine(record.Span, options))
                {
                    ends.Enqueue(cursor.Offset);
                    if (ends.Count > lines + 1)
                    {
                        ends.Dequeue();
                    }
                }
            }
            if (!await cursor.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }
        if (lines == 0)
        {
            return ends.Count == 0 ? cursor.Offset : ends.Last();
        }
        return ends.Count <= lines ? 0 : ends.Peek();
    }

    private static bool EndsSelectedLine(ReadOnlySpan<byte> record, LogReadOptions options) =>
        CriLogParser.TryParse(record, out var parsed) == CriParseStatus.Ok && !parsed.Partial && options.Selects(parsed.Stream);
}
