using System.CommandLine;
using Tandem.Cli.Api;
using Tandem.Cli.Describe;
using Tandem.Cli.Printing;
using Tandem.Model.CoreV1;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// <c>tandem events</c>: kubectl's <c>events</c> command. Events sorted by when they were last seen, <c>--for pod/web</c>
/// for one object, <c>--types</c> to filter, <c>-A</c> and <c>-w</c>.
/// </summary>
public static class EventsCommand
{
    public static Command Create(ClientOptions client)
    {
        var forObject = new Option<string?>("--for") { Description = "Only events about this object, e.g. pod/web." };
        var types = new Option<string[]>("--types") { Description = "Only these event types (Normal, Warning).", AllowMultipleArgumentsPerToken = true };
        var all = new Option<bool>("--all-namespaces", "-A") { Description = "Events of every namespace." };
        var watch = new Option<bool>("--watch", "-w") { Description = "After listing, keep printing new events." };
        var noHeaders = new Option<bool>("--no-headers") { Description = "Leave out the header line." };
        var output = OutputOption.Create("yaml or json");
        var command = new Command("events", "List events, oldest first, like kubectl events.")
        {
            forObject, types, all, watch, noHeaders, output,
        };
        client.AddTo(command);
        command.SetAction(client.Action(async (context, parse, cancellationToken) =>
        {
            var @namespace = parse.GetValue(all) ? null : context.Namespace;
            var fieldSelector = ForSelector(parse.GetValue(forObject));
            var allowed = (parse.GetValue(types) ?? []).SelectMany(t => t.Split(',')).Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var format = OutputOption.Parse(parse.GetValue(output));
            var path = new QueryString(ResourceType.Events.CollectionPath(@namespace)).Add("fieldSelector", fieldSelector);
            var list = await context.Client.GetAsync(path, cancellationToken);
            var events = EventList.Items(list).Where(e => allowed.Count == 0 || allowed.Contains(e.Type ?? "")).OrderBy(EventDescriber.LastSeen).ToList();
            if (format is OutputFormat.Json or OutputFormat.Yaml)
            {
                var sink = new ObjectSink(context.Out, format, new TablePrintOptions(), ResourceType.Events, context.Time);
                sink.PrintList(list);
                return ExitCodes.Success;
            }
            var aligner = new TabAligner(context.Out, minWidth: 6, padding: 3, rememberWidths: true);
            var header = !parse.GetValue(noHeaders);
            if (events.Count == 0 && !parse.GetValue(watch))
            {
                await context.Error.WriteLineAsync(@namespace is null ? "No events found." : $"No events found in {@namespace} namespace.");
                return ExitCodes.Success;
            }
            if (header)
            {
                aligner.WriteLine((@namespace is null ? "NAMESPACE\t" : "") + "LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE");
            }
            foreach (var e in events)
            {
                aligner.WriteLine(Row(e, @namespace is null, context.Time.GetUtcNow()));
            }
            aligner.Flush();
            if (parse.GetValue(watch))
            {
                var watchPath = new QueryString(path).Add("resourceVersion", (string?)list["metadata"]?["resourceVersion"]).Add("watch", "true");
                await foreach (var change in context.Client.WatchAsync(watchPath, table: false, cancellationToken))
                {
                    if (change.Type is "ADDED" or "MODIFIED" && EventList.Decode(change.Object) is { } e && (allowed.Count == 0 || allowed.Contains(e.Type ?? "")))
                    {
                        aligner.WriteLine(Row(e, @namespace is null, context.Time.GetUtcNow()));
                        aligner.Flush();
                    }
                }
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary><c>--for pod/web</c> as the field selector kubectl sends for it.</summary>
    private static string? ForSelector(string? target)
    {
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }
        var slash = target.IndexOf('/');
        var type = slash > 0 ? ResourceType.Find(target[..slash]) : null;
        if (type is null)
        {
            throw new ClientUsageException($"--for must be TYPE/NAME, e.g. pod/web (got \"{target}\")");
        }
        return $"involvedObject.kind={type.Kind},involvedObject.name={target[(slash + 1)..]}";
    }

    // kubectl events' row: interval (with the repeat count), type, reason, Kind/name, the message.
    private static string Row(Event e, bool withNamespace, DateTimeOffset now)
    {
        var row = $"{EventDescriber.Interval(e, now)}\t{e.Type}\t{e.Reason}\t{e.InvolvedObject?.Kind}/{e.InvolvedObject?.Name}\t{e.Message?.Trim()}";
        return withNamespace ? $"{e.Metadata?.Namespace}\t{row}" : row;
    }
}
