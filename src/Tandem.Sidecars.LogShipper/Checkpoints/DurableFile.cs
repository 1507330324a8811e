using System.Runtime.InteropServices;

namespace Tandem.Sidecars.LogShipper.Checkpoints;

/// <summary>
/// Replaces a file so that after a crash or power cut it holds either the old or the new content,
/// never a mix or nothing (Filebeat's registry ended up empty that way, elastic/beats#3537):
/// write a temporary file, fsync it, rename it over the target, fsync the directory.
/// </summary>
public static partial class DurableFile
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000;

    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
        SyncDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
    }

    /// <summary>Makes a rename in <paramref name="directory"/> durable; Linux needs an fsync of the directory itself.</summary>
    public static void SyncDirectory(string directory)
    {
        var fd = open(directory, ReadOnly | Directory);
        if (fd < 0)
        {
            throw new IOException($"cannot open directory {directory} to fsync it (errno {Marshal.GetLastPInvokeError()})");
        }
        try
        {
            if (fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory {directory} failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
