using System.CommandLine;

namespace Tandem.Cli.Commands.Client;

/// <summary>The kubectl-like verbs that talk to a node's API server (<c>tandem up</c>) instead of running pods here.</summary>
public static class ClientCommands
{
    public static void AddTo(RootCommand root)
    {
        var client = new ClientOptions();
        root.Subcommands.Add(ApplyCommand.Create(client));
        root.Subcommands.Add(CreateCommand.Create(client));
        root.Subcommands.Add(GetCommand.Create(client));
        root.Subcommands.Add(DescribeCommand.Create(client));
        root.Subcommands.Add(LogsCommand.Create(client));
        root.Subcommands.Add(ExecCommand.Create(client));
        root.Subcommands.Add(PortForwardCommand.Create(client));
        root.Subcommands.Add(DeleteCommand.Create(client));
        root.Subcommands.Add(WaitCommand.Create(client));
        root.Subcommands.Add(EventsCommand.Create(client));
    }
}
