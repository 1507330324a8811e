using System.CommandLine;
using Tandem.Cli.Api;
using Tandem.Cli.Describe;

namespace Tandem.Cli.Commands.Client;

/// <summary><c>tandem describe pod NAME</c>: the pod and its events in kubectl's describe layout.</summary>
public static class DescribeCommand
{
    public static Command Create(ClientOptions client)
    {
        var resources = new Argument<string[]>("resources") { Description = "pod NAME…, pod/NAME…, or pods (every pod in the namespace).", Arity = ArgumentArity.OneOrMore };
        var selector = new Option<string?>("--selector", "-l") { Description = "Describe the pods with these labels." };
        var command = new Command("describe", "Show a pod in detail: status, conditions, every container's state and restarts, volumes, events.")
        {
            resources, selector,
        };
        client.AddTo(command);
        command.SetAction(client.Action(async (context, parse, cancellationToken) =>
        {
            var arguments = ResourceArguments.Parse(parse.GetValue(resources) ?? []);
            if (arguments.Type != ResourceType.Pods)
            {
                throw new ClientUsageException($"describe supports pods only, not {arguments.Type.Plural}");
            }
            var names = arguments.Names.ToList();
            if (names.Count == 0)
            {
                var list = await context.Client.GetAsync(new QueryString(ResourceType.Pods.CollectionPath(context.Namespace)).Add("labelSelector", parse.GetValue(selector)), cancellationToken);
                names.AddRange((list["items"] as System.Text.Json.Nodes.JsonArray ?? []).Select(i => (string?)i?["metadata"]?["name"]).OfType<string>());
                if (names.Count == 0)
                {
                    await context.Error.WriteLineAsync($"No resources found in {context.Namespace} namespace.");
                    return ExitCodes.Success;
                }
            }
            var failed = false;
            for (var i = 0; i < names.Count; i++)
            {
                try
                {
                    var pod = await PodLookup.GetAsync(context, names[i], cancellationToken);
                    // The same query kubectl sends: events about this pod instance (its uid), so an older pod of the same name does not show.
                    var events = await context.Client.GetAsync(
                        new QueryString(ResourceType.Events.CollectionPath(context.Namespace))
                            .Add("fieldSelector", $"involvedObject.name={names[i]},involvedObject.namespace={context.Namespace},involvedObject.uid={pod.Metadata?.Uid}"),
                        cancellationToken);
                    if (i > 0)
                    {
                        await context.Out.WriteAsync("\n\n");
                    }
                    await context.Out.WriteAsync(PodDescriber.Describe(pod, EventList.Items(events), context.Time.GetUtcNow()));
                }
                catch (ApiException ex) when (ex.IsNotFound)
                {
                    await context.Error.WriteLineAsync(ClientErrors.FromServer(ex));
                    failed = true;
                }
            }
            return failed ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }
}
