namespace Tandem.Bench.LogShipper;

/// <summary>The run's scratch directory under /tmp, removed at the end.</summary>
public sealed class WorkDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tandem-ship-bench-" + Environment.ProcessId);

    public WorkDirectory() => Directory.CreateDirectory(Path);

    public string Sub(string name)
    {
        var dir = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
