using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Tandem.Sidecars.Admin;
using Tandem.Sidecars.LogShipper.Configuration;

namespace Tandem.Sidecars.LogShipper;

/// <summary>
/// <c>tandem ship --config FILE</c> as a process: load and validate the file, log to standard
/// error (standard output may be an output), drain on SIGTERM, SIGINT or <c>POST /shutdown</c>.
/// Exit codes: 0 drained cleanly, 1 the grace period cut delivery short, 2 the configuration is wrong.
/// </summary>
public static class ShipProgram
{
    public static async Task<int> RunAsync(string configFile, TextWriter errors)
    {
        ShipperConfig config;
        try
        {
            config = ShipperConfigLoader.Load(configFile);
        }
        catch (ShipperConfigException ex)
        {
            await errors.WriteLineAsync($"tandem ship: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
        using var loggers = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.UseUtcTimestamp = true;
            })
            .Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        using var drain = new DrainCoordinator(config.ShutdownTimeout, TimeProvider.System);
        return await Shipper.RunAsync(config, drain, loggers, TimeProvider.System).ConfigureAwait(false);
    }
}
