using System.Globalization;
using System.Runtime.InteropServices;

namespace Tandem.Node.Volumes;

/// <summary>
/// Writes a set of files into a directory so that readers see either the whole old set or the
/// whole new one, never a mix: the kubelet's layout for configMap, secret, downwardAPI and
/// projected volumes (pkg/volume/util/atomic_writer.go).
/// <code>
/// target/..2026_01_02_03_04_05.123456789/   the files of one version
/// target/..data -> ..2026_01_02_03_04_05.123456789   swapped atomically by rename
/// target/key    -> ..data/key                the names users see
/// </code>
/// Programs that watch for updates (config reloaders) rely on this layout.
/// </summary>
public sealed partial class AtomicWriter(string targetDirectory, TimeProvider time)
{
    public const string DataDirName = "..data";
    private const string NewDataDirName = "..data_tmp";

    /// <summary>Writes the payload; returns false when it equals what is already there (nothing changed).</summary>
    public bool Write(IReadOnlyDictionary<string, FileProjection> payload)
    {
        foreach (var path in payload.Keys)
        {
            ValidatePath(path);
        }
        Directory.CreateDirectory(targetDirectory);
        var dataLink = Path.Combine(targetDirectory, DataDirName);
        var oldVersion = File.Exists(dataLink) || Directory.Exists(dataLink) ? new FileInfo(dataLink).LinkTarget : null;
        if (oldVersion is not null && SameContent(Path.Combine(targetDirectory, oldVersion), payload))
        {
            return false;
        }

        var version = NewVersionDirectory();
        foreach (var (path, file) in payload)
        {
            var full = Path.Combine(version, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, file.Data);
            File.SetUnixFileMode(full, (UnixFileMode)file.Mode);
        }

        // The swap: a new symlink renamed over the old one is atomic for readers.
        var newLink = Path.Combine(targetDirectory, NewDataDirName);
        File.Delete(newLink);
        File.CreateSymbolicLink(newLink, Path.GetFileName(version));
        // rename(2) itself: File.Move treats a link to a directory as a directory and refuses.
        if (Rename(newLink, dataLink) != 0)
        {
            throw new IOException($"swapping {dataLink} failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        var visible = payload.Keys.Select(TopLevel).ToHashSet(StringComparer.Ordinal);
        foreach (var name in visible)
        {
            var link = Path.Combine(targetDirectory, name);
            if (new FileInfo(link).LinkTarget is null && !File.Exists(link) && !Directory.Exists(link))
            {
                File.CreateSymbolicLink(link, Path.Combine(DataDirName, name));
            }
        }
        RemoveStale(visible, Path.GetFileName(version));
        return true;
    }

    private string NewVersionDirectory()
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("'..'yyyy_MM_dd_HH_mm_ss", CultureInfo.InvariantCulture);
        while (true)
        {
            var candidate = Path.Combine(targetDirectory, $"{stamp}.{Random.Shared.Next(100_000_000, 999_999_999)}");
            if (!Directory.Exists(candidate))
            {
                Directory.CreateDirectory(candidate);
                File.SetUnixFileMode(candidate, (UnixFileMode)0b111_101_101);
                return candidate;
            }
        }
    }

    private void RemoveStale(HashSet<string> visible, string currentVersion)
    {
        foreach (var entry in new DirectoryInfo(targetDirectory).EnumerateFileSystemInfos())
        {
            var name = entry.Name;
            if (name is DataDirName || name == currentVersion)
            {
                continue;
            }
            if (name.StartsWith("..", StringComparison.Ordinal))
            {
                // An older version directory (or a leftover of an interrupted write).
                DeleteEntry(entry);
            }
            else if (!visible.Contains(name) && entry.LinkTarget is { } target && target.StartsWith(DataDirName + "/", StringComparison.Ordinal))
            {
                entry.Delete();
            }
        }
    }

    private static void DeleteEntry(FileSystemInfo entry)
    {
        if (entry is DirectoryInfo directory && entry.LinkTarget is null)
        {
            directory.Delete(recursive: true);
        }
        else
        {
            entry.Delete();
        }
    }

    private static bool SameContent(string version, IReadOnlyDictionary<string, FileProjection> payload)
    {
        if (!Directory.Exists(version))
        {
            return false;
        }
        var existing = Directory.EnumerateFiles(version, "*", SearchOption.AllDirectories).ToList();
        if (existing.Count != payload.Count)
        {
            return false;
        }
        foreach (var (path, file) in payload)
        {
            var full = Path.Combine(version, path);
            if (!File.Exists(full) || (int)File.GetUnixFileMode(full) != file.Mode || !File.ReadAllBytes(full).AsSpan().SequenceEqual(file.Data))
            {
                return false;
            }
        }
        return true;
    }

    private static string TopLevel(string path) => path.Split('/')[0];

    /// <summary>The kubelet's rules for payload paths: relative, no <c>..</c> element, not starting with <c>..</c>.</summary>
    internal static void ValidatePath(string path)
    {
        if (path.Length == 0 || path.StartsWith('/') || path.StartsWith("..", StringComparison.Ordinal)
            || path.Split('/').Any(part => part is ".." or "" ) || path.Length > 4096)
        {
            throw new ArgumentException($"invalid path {path}: must be relative, without '..' and not start with '..'", nameof(path));
        }
    }

    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Rename(string from, string to);
}
