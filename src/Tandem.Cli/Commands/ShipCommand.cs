using System.CommandLine;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem ship</c>: wiring for the sidecar; the sidecar itself lives in its own project.</summary>
public static class ShipCommand
{
    public static Command Create()
    {
        var command = new Command("ship", "Run the ship sidecar (not built yet).");
        command.SetAction(_ => { Console.Error.WriteLine("tandem: 'ship' is not available in this build yet"); return ExitCodes.Failure; });
        return command;
    }
}
