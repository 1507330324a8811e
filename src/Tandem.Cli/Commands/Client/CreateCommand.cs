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
            var failed = false;
            foreach (var item in ManifestObjects.Read(parse.GetValue(files) ?? [], context))
            {
                try
                {
                    await context.Client.SendAsync(HttpMethod.Post,
                        new QueryString(item.Type.CollectionPath(item.Namespace)).Add("fieldManager", "tandem-create").Add("fieldValidation", "Strict"),
                        item.Body, "application/json", cancellationToken);
                    await context.Out.WriteLineAsync(nameOnly ? item.DisplayName : $"{item.DisplayName} created");
                }
                catch (ApiException ex)
                {
                    await context.Error.WriteLineAsync(ClientErrors.FromServer(ex, $"error when creating \"{item.Source}\": "));
                    failed = true;
                }
            }
            return failed ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }
}
