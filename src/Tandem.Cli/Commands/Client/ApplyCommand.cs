using System.CommandLine;
using System.Text.Json.Nodes;
using Tandem.Cli.Api;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// <c>tandem apply -f FILE</c>: makes the server's objects match the manifests. It uses server-side apply (field
/// manager <c>tandem</c>, conflicts forced, as a person re-applying their file expects), so fields removed from the
/// file are removed from the object, and prints kubectl's words: created, configured or unchanged.
/// </summary>
public static class ApplyCommand
{
    private const string FieldManager = "tandem";

    public static Command Create(ClientOptions client)
    {
        var files = ManifestFileOption.Create("apply");
        var output = OutputOption.Create("name");
        var command = new Command("apply", "Create or update the objects of manifest files on the node's API server.") { files, output };
        client.AddTo(command);
        command.SetAction(client.Action(async (context, parse, cancellationToken) =>
        {
            var nameOnly = OutputOption.Parse(parse.GetValue(output)) == OutputFormat.Name;
            return await ManifestWrites.RunAsync(context, parse.GetValue(files) ?? [], nameOnly, "applying",
                (item, ct) => ApplyAsync(context, item, ct), cancellationToken);
        }));
        return command;
    }

    private static async Task<string> ApplyAsync(ClientContext context, ManifestObjects.Item item, CancellationToken cancellationToken)
    {
        var path = item.Type.ItemPath(item.Namespace, item.Name);
        JsonObject? before = null;
        try
        {
            before = await context.Client.GetAsync(path, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound)
        {
            // not there yet: apply creates it
        }
        JsonObject after;
        try
        {
            after = await context.Client.SendAsync(HttpMethod.Patch,
                new QueryString(path).Add("fieldManager", FieldManager).Add("force", "true").Add("fieldValidation", "Strict"),
                item.Body, "application/apply-patch+yaml", cancellationToken);
        }
        catch (ApiException ex) when (ex.Code is 404 or 405 or 415 && before is null)
        {
            // A server without server-side apply upserts: create it the ordinary way.
            await context.Client.SendAsync(HttpMethod.Post,
                new QueryString(item.Type.CollectionPath(item.Namespace)).Add("fieldManager", FieldManager).Add("fieldValidation", "Strict"),
                item.Body, "application/json", cancellationToken);
            return "created";
        }
        catch (ApiException ex) when (ex.Code is 405 or 415)
        {
            // Without server-side apply, a strategic merge patch of the whole manifest updates what the file says.
            after = await context.Client.SendAsync(HttpMethod.Patch,
                new QueryString(path).Add("fieldManager", FieldManager).Add("fieldValidation", "Strict"),
                item.Body, "application/strategic-merge-patch+json", cancellationToken);
        }
        if (before is null)
        {
            return "created";
        }
        return JsonNode.DeepEquals(Desired(before), Desired(after)) ? "unchanged" : "configured";
    }

    // What apply can change: everything but the status (the kubelet moves it on its own) and the bookkeeping
    // (resourceVersion, managedFields) that every write touches.
    private static JsonObject Desired(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("resourceVersion");
            metadata.Remove("managedFields");
        }
        return copy;
    }
}
