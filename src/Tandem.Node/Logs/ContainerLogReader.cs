using System.Runtime.CompilerServices;
using Tandem.Runtime.Runc.Logs;

namespace Tandem.Node.Logs;

/// <summary>
/// Reads one container instance's CRI log file the way the kubelet serves <c>kubectl logs</c>
/// (<c>ReadLogs</c> in <c>pkg/kubelet/kuberuntime/logs/logs.go</c>): tail, since, stream selection,
/// timestamps and a byte limit, with partial records joined into whole lines. With
/// <see cref="LogReadOptions.Follow"/> it waits for more at the end of the file and, when rotation
/// renames the file, reads it to its end and goes on with the next file in rotation order: the
/// rotated files written since (compressed or not, for a reader that fell behind), then the new
/// live file, so nothing still on disk is lost or repeated. It ends once the container has exited
/// and everything it wrote is read. The kubelet reopens only the live file, so a slow follower
/// loses whole files there.
/// Malformed records are skipped, as the kubelet does.
/// </summary>
public sealed class ContainerLogReader
{
    /// <summary>How often a follower looks at the file when inotify said nothing (a safety net while watching).</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly bool _watchFiles;
    private readonly TimeSpan _pollInterval;

    /// <param name="watchFiles">False to rely on polling alone (filesystems without inotify; tests of the fallback).</param>
    public ContainerLogReader(TimeProvider time, bool watchFiles = true, TimeSpan? pollInterval = null)
    {
        _time = time;
        _watchFiles = watchFiles;
        _pollInterval = pollInterval ?? DefaultPollInterval;
    }

    /// <summary>
    /// The lines of the log at <paramref name="path"/>. <paramref name="exited"/> completes when the
    /// container has exited (and its log writer has flushed); without it a follower runs until cancelled.
    /// Each <see cref="LogLine"/>'s memory is reused for the next one.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no log at <paramref name="path"/>.</exception>
    public async IAsyncEnumerable<LogLine> ReadAsync(
        string path,
        LogReadOptions options,
        Task? exited = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = options.TailLines is { } tail and >= 0
            ? await LogTail.FindStartAsync(path, tail, options, cancellationToken).ConfigureAwait(false)
            : 0;
        var cursor = LogFileCursor.TryOpen(path, start)
            ?? throw new FileNotFoundException($"container log \"{path}\" does not exist; the container has not started yet or its log was removed", path);
        var assembler = new LogLineAssembler(options);
        var remaining = options.LimitBytes ?? long.MaxValue;
        using var signal = options.Follow ? new LogFileChangeSignal(path, _time, _watchFiles, _pollInterval) : null;
        var replaced = false;
        var exitSeen = false;
        try
        {
            while (remaining > 0)
            {
                // Captured before reading to the end, so a write after that read still wakes the wait below.
                var changed = signal?.Next;
                if (NextLine(cursor, assembler, out var line))
                {
                    yield return Limit(line, ref remaining);
                    continue;
                }
                if (await cursor.FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }
                if (signal is null)
                {
                    break;
                }
                if (!replaced && cursor.IsReplaced(path))
                {
                    // Renamed by rotation: whatever was written before the rename is read first, then the next file.
                    replaced = true;
                    continue;
                }
                if (replaced && OpenSuccessor(cursor, path) is { } next)
                {
                    cursor.Dispose();
                    cursor = next;
                    // A rotated file is complete when opened: at its end, move on again.
                    replaced = next.Rotated is not null;
                    continue;
                }
                if (exited is { IsCompleted: true })
                {
                    // One more pass after the exit: the writer's last records may have landed after our last read.
                    if (exitSeen)
                    {
                        break;
                    }
                    exitSeen = true;
                    continue;
                }
                await signal.WaitAsync(changed!, exited, cancellationToken).ConfigureAwait(false);
            }
            while (remaining > 0 && assembler.TakeUnfinished(out var unfinished))
            {
                yield return Limit(unfinished, ref remaining);
            }
        }
        finally
        {
            cursor.Dispose();
        }
    }

    /// <summary>
    /// The file after the one <paramref name="cursor"/> has read: the oldest rotated file rotated
    /// after it, or else the live log. Without procfs the open file's rotated name is unknown, and
    /// the live log is next.
    /// </summary>
    private static LogFileCursor? OpenSuccessor(LogFileCursor cursor, string path)
    {
        var after = cursor.Rotated;
        if (after is null && cursor.CurrentName() is { } name && RotatedLogName.TryParse(path, name, out var renamedTo))
        {
            after = renamedTo;
        }
        if (after is not { } previous)
        {
            return LogFileCursor.TryOpen(path, 0);
        }
        // Each pass that looks again has seen a newer rotation; a few passes end even a rotation storm.
        for (var pass = 0; ; pass++)
        {
            if (OpenRotatedAfter(path, previous) is { } rotated)
            {
                return rotated;
            }
            var live = LogFileCursor.TryOpen(path, 0);
            // A rotation between the listing and the open would put the live file one too far: look again.
            if (live is null || pass == 4 || !RotatedLogName.List(path, twice: true).Exists(r => r.CompareTo(previous) > 0))
            {
                return live;
            }
            live.Dispose();
        }
    }

    private static LogFileCursor? OpenRotatedAfter(string path, RotatedLog previous)
    {
        foreach (var rotated in RotatedLogName.List(path, twice: true))
        {
            if (rotated.CompareTo(previous) > 0 && LogFileCursor.TryOpenRotated(rotated) is { } next)
            {
                return next;
            }
        }
        return null;
    }

    private static bool NextLine(LogFileCursor cursor, LogLineAssembler assembler, out LogLine line)
    {
        while (cursor.TryTakeRecord(out var record))
        {
            if (CriLogParser.TryParse(record.Span, out var parsed) == CriParseStatus.Ok && assembler.Add(parsed, out line))
            {
                return true;
            }
        }
        line = default;
        return false;
    }

    /// <summary>limitBytes counts what is sent, timestamps included, and cuts the last line mid-way, as the kubelet's log writer does.</summary>
    private static LogLine Limit(LogLine line, ref long remaining)
    {
        if (line.Content.Length <= remaining)
        {
            remaining -= line.Content.Length;
            return line;
        }
        var cut = new LogLine(line.Timestamp, line.Stream, line.Content[..(int)remaining]);
        remaining = 0;
        return cut;
    }
}
