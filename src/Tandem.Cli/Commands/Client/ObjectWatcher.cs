using System.Text.Json.Nodes;
using Tandem.Cli.Api;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// Waits until one object satisfies a predicate, the way kubectl's <c>wait</c> and <c>delete --wait</c> do (spec §14):
/// list it by name, check, then watch from the list's resourceVersion and check every change; a gone object is
/// passed as null. A watch that ends or expires (410) is re-listed.
/// </summary>
public static class ObjectWatcher
{
    public static async Task WaitAsync(ClientContext context, ResourceType type, string? @namespace, string name, Func<JsonObject?, bool> satisfied, CancellationToken cancellationToken)
    {
        var selector = $"metadata.name={name}";
        while (true)
        {
            var list = await context.Client.GetAsync(new QueryString(type.CollectionPath(@namespace)).Add("fieldSelector", selector), cancellationToken);
            var current = (list["items"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
            if (satisfied(current))
            {
                return;
            }
            var path = new QueryString(type.CollectionPath(@namespace))
                .Add("fieldSelector", selector)
                .Add("resourceVersion", (string?)list["metadata"]?["resourceVersion"])
                .Add("allowWatchBookmarks", "true")
                .Add("watch", "true");
            await foreach (var change in context.Client.WatchAsync(path, table: false, cancellationToken))
            {
                var matched = change.Type switch
                {
                    "ADDED" or "MODIFIED" => satisfied(change.Object),
                    "DELETED" => satisfied(null),
                    _ => false,
                };
                if (matched)
                {
                    return;
                }
                if (change.Type == "ERROR")
                {
                    break;
                }
            }
        }
    }
}
