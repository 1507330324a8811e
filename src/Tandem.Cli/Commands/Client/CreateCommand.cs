using System.CommandLine;
using Tandem.Cli.Api;

namespace Tandem.Cli.Commands.Client;

/// <summary><c>tandem create -f FILE</c>: creates every object of the manifests; an existing one is an error, as with kubectl.</summary>
public static class CreateCommand
{
    public static Command Create(ClientOptions client)
    {
        var files = ManifestFileOption.Create("create");
        var output = OutputOption.Create("name");
        var command = new Command("create", "Create the objects of manifest files on the node's API server.") { files, output };
        client.AddTo(command);
        command.SetAction(client.Action(async (context, parse, cancellationToken) =>
        {
            var nameOnly = OutputOption.Parse(parse.GetValue(output)) == OutputFormat.Name;
            return await ManifestWrites.RunAsync(context, parse.GetValue(files) ?? [], nameOnly, "creating", async (item, ct) =>
            {
                await context.Client.SendAsync(HttpMethod.Post,
                    new QueryString(item.Type.CollectionPath(item.Namespace)).Add("fieldManager", "tandem-create").Add("fieldValidation", "Strict"),
                    item.Body, "application/json", ct);
                return "created";
            }, cancellationToken);
        }));
        return command;
    }
}
