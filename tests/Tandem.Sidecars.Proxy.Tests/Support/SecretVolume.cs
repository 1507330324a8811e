namespace Tandem.Sidecars.Proxy.Tests.Support;

/// <summary>
/// A directory laid out like a Kubernetes Secret volume: the files are symlinks through
/// <c>..data</c> to a timestamped directory, and an update swaps <c>..data</c> atomically with a
/// rename, as the kubelet's AtomicWriter does.
/// </summary>
public sealed class SecretVolume
{
    private int _generation;

    public SecretVolume(string directory) => Directory = directory;

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public void Write(IReadOnlyDictionary<string, string> files)
    {
        var generation = $"..{DateTime.UtcNow:yyyy_MM_dd_HH_mm_ss}.{Interlocked.Increment(ref _generation)}";
        var target = Path.Combine(Directory, generation);
        System.IO.Directory.CreateDirectory(target);
        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(target, name), content);
        }
        var temporary = Path.Combine(Directory, "..data_tmp");
        File.Delete(temporary);
        File.CreateSymbolicLink(temporary, generation);
        // rename(2) over the old link is atomic: a reader sees the old set or the new set, never a mix.
        // (File.Move follows the link to the directory and refuses, so call rename itself.)
        if (rename(temporary, Path.Combine(Directory, "..data")) != 0)
        {
            throw new IOException($"rename ..data failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
        }
        foreach (var name in files.Keys)
        {
            var link = Path.Combine(Directory, name);
            if (!File.Exists(link))
            {
                File.CreateSymbolicLink(link, Path.Combine("..data", name));
            }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int rename(string oldPath, string newPath);
}
