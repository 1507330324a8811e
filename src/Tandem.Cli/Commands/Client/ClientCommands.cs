using System.CommandLine;

namespace Tandem.Cli.Commands.Client;

/// <summary>The kubectl-like verbs that talk to a node's API server (<c>tandem up</c>) instead of running pods here.</summary>
public static class ClientCommands
{
    public static void AddTo(RootCommand root)
    {
        var client = new ClientOptions();
        root.Subcommands.Add(GetCommand.Create(client));
    }
}
