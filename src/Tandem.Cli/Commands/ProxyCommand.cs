using System.CommandLine;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem proxy</c>: wiring for the sidecar; the sidecar itself lives in its own project.</summary>
public static class ProxyCommand
{
    public static Command Create()
    {
        var command = new Command("proxy", "Run the proxy sidecar (not built yet).");
        command.SetAction(_ => { Console.Error.WriteLine("tandem: 'proxy' is not available in this build yet"); return ExitCodes.Failure; });
        return command;
    }
}
