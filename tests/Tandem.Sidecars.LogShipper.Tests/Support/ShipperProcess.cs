using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Tandem.Sidecars.LogShipper.Tests.Support;

/// <summary>The shipper as a real child process (the test host, same entry as <c>tandem ship</c>), killed by PID.</summary>
public sealed partial class ShipperProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private ShipperProcess(string configFile)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostDll);
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configFile);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The test host built next to this test assembly (same configuration).</summary>
    public static string HostDll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var configuration = output.Parent!.Name;
            var project = output.Parent.Parent!.Parent!.FullName;
            return Path.Combine(project, "TestHost", "bin", configuration, output.Name, "Tandem.Sidecars.LogShipper.TestHost.dll");
        }
    }

    public static ShipperProcess Start(string configFile) => new(configFile);

    /// <summary>SIGKILL: no chance to flush or checkpoint.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, and the exit code once it exits.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        _ = kill(_process.Id, 15);
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
