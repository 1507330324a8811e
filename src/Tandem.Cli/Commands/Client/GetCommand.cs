using System.CommandLine;
using System.Text.Json.Nodes;
using Tandem.Cli.Api;
using Tandem.Cli.Printing;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// <c>tandem get TYPE [NAME…]</c>: kubectl's <c>get</c>. Tables come from the server (so the columns are the ones
/// kubectl prints), <c>-o wide|yaml|json|name</c>, <c>-w</c> watches from the listed resourceVersion, <c>-A</c>,
/// <c>-l</c>, <c>--field-selector</c>, <c>--show-labels</c>.
/// </summary>
public static class GetCommand
{
    public static Command Create(ClientOptions client)
    {
        var resources = new Argument<string[]>("resources") { Description = "TYPE [NAME…] or TYPE/NAME…, e.g. pods, pod web, pod/web.", Arity = ArgumentArity.ZeroOrMore };
        var output = OutputOption.Create();
        var watch = new Option<bool>("--watch", "-w") { Description = "After listing, keep printing changes." };
        var all = new Option<bool>("--all-namespaces", "-A") { Description = "List across every namespace." };
        var selector = new Option<string?>("--selector", "-l") { Description = "Label selector, e.g. app=web,tier!=db." };
        var fieldSelector = new Option<string?>("--field-selector") { Description = "Field selector, e.g. status.phase=Running." };
        var showLabels = new Option<bool>("--show-labels") { Description = "Add a LABELS column." };
        var noHeaders = new Option<bool>("--no-headers") { Description = "Leave out the header line." };
        var command = new Command("get", "Show objects from the node's API server, with kubectl's columns.")
        {
            resources, output, watch, all, selector, fieldSelector, showLabels, noHeaders,
        };
        client.AddTo(command);
        command.SetAction(client.Action(async (context, parse, cancellationToken) =>
        {
            var request = new GetRequest(
                ResourceArguments.Parse(parse.GetValue(resources) ?? []),
                OutputOption.Parse(parse.GetValue(output)),
                parse.GetValue(all) ? null : context.Namespace,
                parse.GetValue(selector),
                parse.GetValue(fieldSelector),
                parse.GetValue(watch),
                new TablePrintOptions(false, parse.GetValue(all), parse.GetValue(showLabels), parse.GetValue(noHeaders)));
            return await RunAsync(context, request, cancellationToken);
        }));
        return command;
    }

    private static async Task<int> RunAsync(ClientContext context, GetRequest request, CancellationToken cancellationToken)
    {
        var type = request.Resources.Type;
        var @namespace = type.Namespaced ? request.Namespace : null;
        var table = request.Output is OutputFormat.Table or OutputFormat.Wide;
        var sink = new ObjectSink(context.Out, request.Output, request.Table with { Wide = request.Output == OutputFormat.Wide, WithNamespace = request.Table.WithNamespace && type.Namespaced }, type, context.Time);
        var failed = false;
        string? resourceVersion = null;
        if (request.Resources.Names.Count == 0)
        {
            var path = new QueryString(type.CollectionPath(@namespace)).Add("labelSelector", request.LabelSelector).Add("fieldSelector", request.FieldSelector);
            var list = await context.Client.GetAsync(path, cancellationToken, table);
            resourceVersion = (string?)list["metadata"]?["resourceVersion"];
            sink.PrintList(list);
            if (sink.Count == 0 && !request.Watch && request.Output != OutputFormat.Name)
            {
                await context.Error.WriteLineAsync(@namespace is null || !type.Namespaced ? "No resources found" : $"No resources found in {@namespace} namespace.");
            }
        }
        else
        {
            var found = new List<JsonObject>();
            foreach (var name in request.Resources.Names)
            {
                try
                {
                    found.Add(await context.Client.GetAsync(type.ItemPath(@namespace ?? context.Namespace, name), cancellationToken, table));
                }
                catch (ApiException ex) when (ex.IsNotFound)
                {
                    // kubectl prints what it found and reports each missing object after it.
                    await context.Error.WriteLineAsync(ClientErrors.FromServer(ex));
                    failed = true;
                }
            }
            sink.PrintItems(found);
        }
        if (request.Watch)
        {
            await WatchAsync(context, request, sink, @namespace, resourceVersion, cancellationToken);
        }
        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static async Task WatchAsync(ClientContext context, GetRequest request, ObjectSink sink, string? @namespace, string? resourceVersion, CancellationToken cancellationToken)
    {
        var type = request.Resources.Type;
        var single = request.Resources.Names.Count == 1;
        if (request.Resources.Names.Count > 1)
        {
            throw new ClientUsageException("watch is only supported on individual resources and resource collections, but 2 or more resources were found");
        }
        var path = new QueryString(type.CollectionPath(single ? @namespace ?? context.Namespace : @namespace))
            .Add("labelSelector", request.LabelSelector)
            .Add("fieldSelector", single ? $"metadata.name={request.Resources.Names[0]}" : request.FieldSelector)
            .Add("resourceVersion", single ? "0" : resourceVersion)
            .Add("watch", "true");
        // A watch of one object from resourceVersion 0 starts with a synthetic ADDED for what was just printed: skip it (kubectl's get.go does the same).
        var skip = single;
        await foreach (var change in context.Client.WatchAsync(path, request.Output is OutputFormat.Table or OutputFormat.Wide, cancellationToken))
        {
            if (change.Type is "BOOKMARK")
            {
                continue;
            }
            if (change.Type == "ERROR")
            {
                throw new ApiException(KubeClient.Decode(0, change.Object.ToJsonString()));
            }
            if (skip)
            {
                skip = false;
                continue;
            }
            sink.PrintWatched(change.Object);
        }
    }

    private sealed record GetRequest(
        ResourceArguments Resources, OutputFormat Output, string? Namespace, string? LabelSelector, string? FieldSelector, bool Watch, TablePrintOptions Table);
}
