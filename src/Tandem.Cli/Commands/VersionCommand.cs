using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem version</c>: the build and the runtime it runs on.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the Tandem version and the .NET runtime it runs on.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(
                $"tandem {Current} ({RuntimeInformation.FrameworkDescription}, {RuntimeInformation.RuntimeIdentifier})");
            return ExitCodes.Success;
        });
        return command;
    }

    public static string Current =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
