namespace Tandem.Node;

/// <summary>
/// One node per state directory: an exclusive lock on <c>&lt;state&gt;/node.lock</c> (flock, which .NET takes for
/// <see cref="FileShare.None"/>) held for the node's life. The kernel drops it when the process dies, even by SIGKILL,
/// so a stale lock never blocks the next start. The owner's pid is written beside it in <c>node.pid</c>: the locked
/// file itself cannot be read by another process (.NET takes a shared flock to read it, which the exclusive one refuses).
/// </summary>
internal static class NodeLock
{
    public static FileStream Acquire(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "node.lock");
        var pidPath = Path.Combine(stateDirectory, "node.pid");
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(pidPath, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return file;
        }
        catch (IOException)
        {
            var owner = File.Exists(pidPath) ? File.ReadAllText(pidPath).Trim() : "?";
            throw new InvalidOperationException(
                $"another tandem node (pid {owner}) is using the state directory {stateDirectory}; stop it, or give this one its own with --state-dir");
        }
    }
}
