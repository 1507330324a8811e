using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tandem.Sidecars.Admin;
using Tandem.Sidecars.Proxy;
using Tandem.Sidecars.Proxy.Configuration;
using Tandem.Sidecars.Proxy.Hosting;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem proxy --config FILE</c>: runs the proxy sidecar until SIGTERM, SIGINT or
/// <c>POST /shutdown</c>, then drains for the configured grace period. <c>--check</c> validates the
/// file and exits. Exit codes: 0 after a clean drain or a valid check, 2 for an invalid config.
/// </summary>
public static class ProxyCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Required = true, Description = "The proxy's YAML config file (reference: docs/sidecars/proxy.md)." };
        var check = new Option<bool>("--check") { Description = "Validate the config file, print every error with its field, and exit." };
        var command = new Command("proxy", "Run the proxy sidecar: TLS, authentication, rate limits, retries and metrics in front of an app on localhost.")
        {
            config, check,
        };
        // A synchronous action on purpose: for asynchronous actions System.CommandLine ends the
        // process 2 s after SIGTERM, which would cut the drain (istio#19564's hard-coded 5 s, only shorter).
        command.SetAction(parse => RunAsync(parse.GetValue(config)!, parse.GetValue(check)).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> RunAsync(string configPath, bool checkOnly)
    {
        if (checkOnly)
        {
            var path = Path.GetFullPath(configPath);
            var result = ConfigParser.Parse(await File.ReadAllTextAsync(path), Path.GetDirectoryName(path)!);
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync($"{path}: {error}");
            }
            if (result.IsValid)
            {
                await Console.Out.WriteLineAsync($"{path}: valid, {result.Config!.Routes.Count} route(s)");
            }
            return result.IsValid ? ExitCodes.Success : ExitCodes.UsageOrInput;
        }
        SidecarRuntime.ApplyByReexec(ProxyRuntimeSettings.All, Console.Error);
        // Logs go to stderr as JSON so that stdout carries only the access log.
        using var loggers = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"));
        ProxyHost host;
        try
        {
            host = await ProxyHost.StartAsync(configPath, new ProxyHostOptions { LoggerFactory = loggers }, CancellationToken.None);
        }
        catch (ProxyConfigException e)
        {
            await Console.Error.WriteLineAsync($"tandem proxy: {e.Message}");
            return ExitCodes.UsageOrInput;
        }
        await using (host)
        {
            return await host.RunAsync(CancellationToken.None);
        }
    }
}
