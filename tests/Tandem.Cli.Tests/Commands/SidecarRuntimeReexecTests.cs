using System.Diagnostics;

namespace Tandem.Cli.Tests.Commands;

/// <summary>
/// <c>tandem proxy</c> and <c>tandem ship</c> as real processes: each replaces itself once with the
/// sidecar runtime settings in its environment, keeping its PID and arguments, and leaves a value
/// the user set alone.
/// </summary>
public sealed class SidecarRuntimeReexecTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tandem-reexec-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Ship_ReexecutesWithTheSettings_UnderTheSamePid()
    {
        var config = WriteShipConfig();

        var environment = await EnvironmentOnceTunedAsync(["ship", "--config", config], userEnvironment: []);

        Assert.Equal("0", environment["DOTNET_TieredPGO"]);
        Assert.False(environment.ContainsKey("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"));
        Assert.False(environment.ContainsKey("DOTNET_GCgen0size"));
    }

    [Fact]
    public async Task Proxy_ReexecutesWithInlineSocketCompletions_AndKeepsTheUsersGen0Budget()
    {
        var config = Path.Combine(_directory, "proxy.yaml");
        await File.WriteAllTextAsync(config, """
            listen:
              http: 127.0.0.1:0
            admin:
              port: 0
            routes:
              - name: app
                upstreams: [http://127.0.0.1:9]
            """);

        var environment = await EnvironmentOnceTunedAsync(["proxy", "--config", config], new() { ["DOTNET_GCgen0size"] = "0x2000000" });

        Assert.Equal("1", environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"]);
        Assert.Equal("0", environment["DOTNET_TieredPGO"]);
        Assert.Equal("0x2000000", environment["DOTNET_GCgen0size"]);
    }

    private string WriteShipConfig()
    {
        var config = Path.Combine(_directory, "ship.yaml");
        File.WriteAllText(config, $"""
            dataDir: {Path.Combine(_directory, "data")}
            inputs:
              - type: file
                include: ["{Path.Combine(_directory, "*.log")}"]
            outputs:
              - type: file
                path: {Path.Combine(_directory, "out.ndjson")}
            admin:
              enabled: false
            """);
        return config;
    }

    /// <summary>Starts tandem, waits until the process with the PID it started as carries the marker, returns that environment, and stops it.</summary>
    private static async Task<Dictionary<string, string>> EnvironmentOnceTunedAsync(string[] args, Dictionary<string, string> userEnvironment)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tandem.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("TANDEM_SIDECAR_RUNTIME");
        foreach (var (name, value) in userEnvironment)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                Assert.False(process.HasExited, $"tandem exited with {(process.HasExited ? process.ExitCode : 0)}: {(stderr.IsCompleted ? stderr.Result : "")}");
                var environment = ReadEnvironment(process.Id);
                if (environment.GetValueOrDefault("TANDEM_SIDECAR_RUNTIME") == "tuned")
                {
                    var commandLine = (await File.ReadAllTextAsync($"/proc/{process.Id}/cmdline")).TrimEnd('\0').Split('\0');
                    Assert.Equal(args, commandLine[^args.Length..]);
                    return environment;
                }
                await Task.Delay(50);
            }
            throw new TimeoutException("tandem never re-executed with TANDEM_SIDECAR_RUNTIME=tuned");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private static Dictionary<string, string> ReadEnvironment(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ")
                .Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(entry => entry.Split('=', 2))
                .Where(pair => pair.Length == 2)
                .GroupBy(pair => pair[0])
                .ToDictionary(g => g.Key, g => g.Last()[1]);
        }
        catch (IOException)
        {
            return [];
        }
    }
}
