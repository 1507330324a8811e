using System.IO.Compression;

namespace Tandem.Runtime.Runc.Logs;

/// <summary>
/// Keeps a container's rotated logs within bounds, after the kubelet's container log manager
/// (<c>pkg/kubelet/logs/container_log_manager.go</c>): leftover temporary files are removed, the
/// oldest rotated files are deleted so that at most <c>maxFiles</c> files exist counting the current
/// one, and every rotated file but the newest is gzip-compressed (the newest stays plain because a
/// reader may still be finishing it). Runs off the write path; failures leave files for the next pass.
/// </summary>
internal static class RotatedLogCompactor
{
    public static void Compact(string logPath, int maxFiles)
    {
        RemoveTemporaries(logPath);
        var rotated = RotatedLogName.List(logPath);
        var excess = rotated.Count - (maxFiles - 1);
        for (var i = 0; i < excess; i++)
        {
            TryDelete(rotated[i].Path);
        }
        var kept = rotated.Skip(Math.Max(excess, 0)).ToList();
        for (var i = 0; i < kept.Count - 1; i++)
        {
            if (!kept[i].Compressed)
            {
                Compress(kept[i].Path);
            }
        }
    }

    private static void Compress(string path)
    {
        var compressed = path + RotatedLogName.CompressedSuffix;
        var temporary = compressed + RotatedLogName.TemporarySuffix;
        try
        {
            using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            using (var gzip = new GZipStream(target, CompressionLevel.Fastest))
            {
                source.CopyTo(gzip);
            }
            // Renamed into place only when complete, so a .gz is never a truncated stream.
            File.Move(temporary, compressed, overwrite: true);
            File.Delete(path);
        }
        catch (IOException)
        {
            TryDelete(temporary);
        }
        catch (UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    private static void RemoveTemporaries(string logPath)
    {
        var directory = Path.GetDirectoryName(logPath)!;
        if (!Directory.Exists(directory))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(directory, Path.GetFileName(logPath) + ".*" + RotatedLogName.TemporarySuffix))
        {
            TryDelete(file);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still there next pass.
        }
        catch (UnauthorizedAccessException)
        {
            // Still there next pass.
        }
    }
}
