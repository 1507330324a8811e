using System.CommandLine;
using Tandem.Sidecars.Admin;
using Tandem.Sidecars.LogShipper;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem ship --config FILE</c>: runs the log shipper sidecar; the sidecar itself lives in its own project.</summary>
public static class ShipCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config")
        {
            Required = true,
            Description = "The shipper's YAML configuration file (see docs/sidecars/ship.md).",
        };
        var command = new Command("ship", "Run the log shipper sidecar: follow log files or stdin and deliver every line, at least once.")
        {
            config,
        };
        // The shipper drains on SIGTERM itself (read to the end, flush, checkpoint), so the
        // invocation's cancellation token is not used: cancelling would skip the flush.
        command.SetAction(async (parse, _) =>
        {
            SidecarRuntime.ApplyByReexec(SidecarRuntime.Common, Console.Error);
            return await ShipProgram.RunAsync(parse.GetValue(config)!, Console.Error);
        });
        return command;
    }
}
