namespace Tandem.Node;

/// <summary>
/// One node per state directory: an exclusive lock on <c>&lt;state&gt;/node.lock</c> (flock, which .NET takes for
/// <see cref="FileShare.None"/>) held for the node's life. The kernel drops it when the process dies, even by SIGKILL,
/// so a stale lock never blocks the next start.
/// </summary>
internal static class NodeLock
{
    public static FileStream Acquire(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "node.lock");
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }
            file.Flush();
            return file;
        }
        catch (IOException)
        {
            var owner = File.Exists(path) ? File.ReadAllText(path).Trim() : "?";
            throw new InvalidOperationException(
                $"another tandem node (pid {owner}) is using the state directory {stateDirectory}; stop it, or give this one its own with --state-dir");
        }
    }
}
