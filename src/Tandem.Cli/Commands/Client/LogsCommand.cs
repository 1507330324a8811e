using System.CommandLine;
using System.Globalization;
using Tandem.Cli.Run;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// <c>tandem logs POD [-c CONTAINER]</c>: kubectl's <c>logs</c>, with <c>-f</c>, <c>--previous</c>, <c>--tail</c>,
/// <c>--timestamps</c>, <c>--since</c>, <c>--since-time</c>, <c>--limit-bytes</c> and <c>--all-containers</c>.
/// </summary>
public static class LogsCommand
{
    public static Command Create(ClientOptions client)
    {
        var pod = new Argument<string>("pod") { Description = "The pod (web or pod/web)." };
        var containerArgument = new Argument<string?>("container") { Description = "The container (same as -c).", Arity = ArgumentArity.ZeroOrOne };
        var container = new Option<string?>("--container", "-c") { Description = "The container; default: the pod's default-container annotation, else the first." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep streaming until the container exits." };
        var previous = new Option<bool>("--previous", "-p") { Description = "The log of the previous instance of the container." };
        var tail = new Option<long>("--tail") { Description = "Only the last N lines (-1: all).", DefaultValueFactory = _ => -1 };
        var timestamps = new Option<bool>("--timestamps") { Description = "Prefix each line with its RFC 3339 time." };
        var since = new Option<string?>("--since") { Description = "Only lines newer than this duration, e.g. 5s, 2m, 3h." };
        var sinceTime = new Option<string?>("--since-time") { Description = "Only lines after this RFC 3339 time." };
        var limitBytes = new Option<long?>("--limit-bytes") { Description = "At most this many bytes." };
        var allContainers = new Option<bool>("--all-containers") { Description = "Every container of the pod, init containers first." };
        var command = new Command("logs", "Print a container's log from the node's API server.")
        {
            pod, containerArgument, container, follow, previous, tail, timestamps, since, sinceTime, limitBytes, allContainers,
        };
        client.AddTo(command);
        command.SetAction(client.Action(async (context, parse, cancellationToken) =>
        {
            var name = PodLookup.PodName(parse.GetValue(pod)!);
            var podObject = await PodLookup.GetAsync(context, name, cancellationToken);
            var requested = parse.GetValue(container) ?? parse.GetValue(containerArgument);
            IReadOnlyList<string> containers = parse.GetValue(allContainers)
                ? [.. (podObject.Spec?.InitContainers ?? []).Concat(podObject.Spec?.Containers ?? []).Select(c => c.Name!)]
                : [PodLookup.ChooseContainer(podObject, requested, context.Error)];
            var sinceText = parse.GetValue(since);
            TimeSpan? sinceDuration = null;
            if (!string.IsNullOrEmpty(sinceText))
            {
                sinceDuration = Duration.TryParse(sinceText, out var parsed) ? parsed : throw new ClientUsageException($"invalid argument \"{sinceText}\" for \"--since\": use a duration like 5s, 2m or 3h");
            }
            var query = new LogQuery(parse.GetValue(follow), parse.GetValue(previous), parse.GetValue(tail), parse.GetValue(timestamps), sinceDuration, parse.GetValue(sinceTime), parse.GetValue(limitBytes));
            var output = Console.OpenStandardOutput();
            if (query.Follow && containers.Count > 1)
            {
                await Task.WhenAll(containers.Select(c => CopyAsync(context, name, c, query, output, cancellationToken)));
            }
            else
            {
                foreach (var c in containers)
                {
                    await CopyAsync(context, name, c, query, output, cancellationToken);
                }
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task CopyAsync(ClientContext context, string pod, string container, LogQuery query, Stream output, CancellationToken cancellationToken)
    {
        var path = new QueryString($"{Api.ResourceType.Pods.ItemPath(context.Namespace, pod)}/log")
            .Add("container", container)
            .Add("follow", query.Follow ? "true" : null)
            .Add("previous", query.Previous ? "true" : null)
            .Add("tailLines", query.Tail >= 0 ? query.Tail.ToString(CultureInfo.InvariantCulture) : null)
            .Add("timestamps", query.Timestamps ? "true" : null)
            .Add("sinceSeconds", query.Since is { } s ? Math.Max(1, (long)Math.Ceiling(s.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null)
            .Add("sinceTime", query.SinceTime)
            .Add("limitBytes", query.LimitBytes?.ToString(CultureInfo.InvariantCulture));
        await using var stream = await context.Client.OpenStreamAsync(path, cancellationToken);
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            // Several followed containers write to one stdout; whole chunks keep their lines mostly intact.
            lock (output)
            {
                output.Write(buffer, 0, read);
                output.Flush();
            }
        }
    }

    private sealed record LogQuery(bool Follow, bool Previous, long Tail, bool Timestamps, TimeSpan? Since, string? SinceTime, long? LimitBytes);
}
