using System.CommandLine;
using Tandem.Cli.Commands;

namespace Tandem.Cli;

/// <summary>The <c>tandem</c> command tree and the one place where failures become exit codes.</summary>
public static class TandemCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Tandem runs Kubernetes pods with sidecars on one machine, and ships the sidecars themselves.")
        {
            VersionCommand.Create(),
            LintCommand.Create(),
            ProxyCommand.Create(),
            ShipCommand.Create(),
            RunCommand.Create(),
            UpCommand.Create(),
            DownCommand.Create(),
            StatusCommand.Create(),
            ImageCommand.Create(),
            CompletionCommand.Create(),
        };
        Commands.Client.ClientCommands.AddTo(root);
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = Build();
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
            {
                // A wrong command line is a usage error (exit 2), like a file that cannot be read.
                foreach (var error in parsed.Errors)
                {
                    await Console.Error.WriteLineAsync($"tandem: {error.Message}");
                }
                var command = string.Join(' ', parsed.CommandResult.Command.Name == root.Name ? [] : new[] { parsed.CommandResult.Command.Name });
                await Console.Error.WriteLineAsync($"Run 'tandem {(command.Length > 0 ? command + " " : "")}--help' for usage.");
                return ExitCodes.UsageOrInput;
            }
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            // One clear line, never a stack trace: the user should see what failed and can act on it.
            await Console.Error.WriteLineAsync($"tandem: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // A bug of ours. Still one line; TANDEM_DEBUG=1 shows the whole trace for a report.
            var detail = Environment.GetEnvironmentVariable("TANDEM_DEBUG") == "1" ? ex.ToString() : $"{ex.GetType().Name}: {ex.Message}";
            await Console.Error.WriteLineAsync($"tandem: internal error: {detail} (set TANDEM_DEBUG=1 for details and please report it)");
            return ExitCodes.Failure;
        }
    }
}
