using Tandem.Cli.Daemon;
using Tandem.Cli.Tests.Run;
using Tandem.Runtime.Runc;
using Tandem.Testing.Kubectl;

namespace Tandem.Cli.Tests.Daemon;

/// <summary>
/// One test's daemon: its own state directory, host prefix, kubeconfig and kubectl HOME. Runs <c>tandem</c> verbs as
/// separate processes (the build next to the tests), and on dispose stops a daemon the test left running: <c>down</c>,
/// else SIGKILL of the pid it recorded (a process this test started).
/// </summary>
internal sealed class DaemonFixture : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _root = Directory.CreateTempSubdirectory("tandem-daemon-").FullName;

    public DaemonFixture()
    {
        Kubectl = new Kubectl(KubectlVersions.Newest, KubeconfigPath, Path.Combine(_root, "home"));
    }

    public string Prefix { get; } = "td" + Guid.NewGuid().ToString("N")[..6];

    public string Root => _root;

    public string State => Path.Combine(_root, "state");

    public string KubeconfigPath => Path.Combine(_root, "kubeconfig");

    public DaemonLayout Layout => new(State);

    public RuncRuntimeOptions RuntimeOptions => new() { StateRoot = State, HostPrefix = Prefix };

    public Kubectl Kubectl { get; }

    public DaemonRecord? Record => DaemonRecord.Read(Layout.RecordFile);

    /// <summary>Runs one verb to completion; returns its exit code and everything it printed.</summary>
    public async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var tandem = TandemProcess.Start(State, Prefix, args);
        var exit = await tandem.WaitForExitAsync(Patience);
        return (exit, tandem.Output);
    }

    /// <summary><c>tandem up</c> on a free port with this test's kubeconfig; asserts it succeeded.</summary>
    public async Task<string> UpAsync()
    {
        var (exit, output) = await RunAsync("up", "--port", "0", "--kubeconfig", KubeconfigPath);
        Assert.True(exit == 0, output + "\nlog:\n" + Log());
        return output;
    }

    public string Log() => File.Exists(Layout.LogFile) ? File.ReadAllText(Layout.LogFile) : "(no log)";

    /// <summary>Runs kubectl and asserts it succeeded; returns its standard output.</summary>
    public async Task<string> KubectlAsync(params string[] args)
    {
        var result = await Kubectl.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {result}\nlog:\n{Log()}");
        return result.Stdout;
    }

    /// <summary>
    /// Whether the process runs (a zombie does not: the daemon outlives the <c>up</c> that started it and is re-parented
    /// to the nearest subreaper, which in a test host that made a runc runtime is the test host, and it does not reap it).
    /// </summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Record is { } record && IsRunning(record.Pid))
        {
            try
            {
                await RunAsync("down", "--timeout", "60s");
            }
            finally
            {
                if (IsRunning(record.Pid))
                {
                    using var process = System.Diagnostics.Process.GetProcessById(record.Pid);
                    process.Kill();
                }
            }
        }
        if (!File.ReadAllText("/proc/self/mountinfo").Contains(_root, StringComparison.Ordinal))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
