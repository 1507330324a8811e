using System.CommandLine;
using System.Text.Json.Nodes;
using Tandem.Cli.Api;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// <c>tandem delete pod/web</c> or <c>-f FILE</c>: kubectl's <c>delete</c>, graceful by default and waiting until
/// each object is gone (<c>--wait</c>, on by default), with <c>--grace-period</c>, <c>--now</c> and <c>--force</c>.
/// </summary>
public static class DeleteCommand
{
    public static Command Create(ClientOptions client)
    {
        var resources = new Argument<string[]>("resources") { Description = "TYPE NAME… or TYPE/NAME…", Arity = ArgumentArity.ZeroOrMore };
        var files = ManifestFileOption.Create("delete", required: false);
        var selector = new Option<string?>("--selector", "-l") { Description = "Delete the objects of TYPE with these labels." };
        var all = new Option<bool>("--all") { Description = "Delete every object of TYPE in the namespace." };
        var grace = new Option<int>("--grace-period") { Description = "Seconds to let the pod stop (-1: the pod's own terminationGracePeriodSeconds).", DefaultValueFactory = _ => -1 };
        var now = new Option<bool>("--now") { Description = "Stop at once (grace period 1)." };
        var force = new Option<bool>("--force") { Description = "Remove from the API at once without waiting for the containers to stop (grace period 0)." };
        var wait = new Option<bool>("--wait") { Description = "Wait until the objects are gone (default true).", DefaultValueFactory = _ => true };
        var ignoreNotFound = new Option<bool>("--ignore-not-found") { Description = "A missing object is not an error." };
        var timeout = new Option<string?>("--timeout") { Description = "Give up waiting after this long (e.g. 60s); default: wait as long as it takes." };
        var command = new Command("delete", "Delete objects from the node's API server; pods stop in Kubernetes order.")
        {
            resources, files, selector, all, grace, now, force, wait, ignoreNotFound, timeout,
        };
        client.AddTo(command);
        command.SetAction(client.Action(async (context, parse, cancellationToken) =>
        {
            var targets = await TargetsAsync(context, parse.GetValue(resources) ?? [], parse.GetValue(files) ?? [], parse.GetValue(selector), parse.GetValue(all), cancellationToken);
            var gracePeriod = parse.GetValue(grace);
            var forced = parse.GetValue(force);
            // kubectl: --force means grace 0 unless given; --grace-period=0 without --force becomes 1; --now is 1.
            if (forced && gracePeriod < 0)
            {
                gracePeriod = 0;
            }
            else if (gracePeriod == 0 && !forced)
            {
                gracePeriod = 1;
            }
            if (parse.GetValue(now))
            {
                gracePeriod = 1;
            }
            var body = new JsonObject { ["propagationPolicy"] = "Background" };
            if (gracePeriod >= 0)
            {
                body["gracePeriodSeconds"] = gracePeriod;
            }
            if (forced && gracePeriod == 0)
            {
                await context.Error.WriteLineAsync("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.");
            }
            var failed = false;
            var deleted = new List<(Target Target, string? Uid)>();
            foreach (var target in targets)
            {
                try
                {
                    var answer = await context.Client.SendAsync(HttpMethod.Delete, target.Type.ItemPath(target.Namespace, target.Name), body, "application/json", cancellationToken);
                    await context.Out.WriteLineAsync($"{target.Type.Singular} \"{target.Name}\" {(forced && gracePeriod == 0 ? "force deleted" : "deleted")}");
                    deleted.Add((target, (string?)answer["metadata"]?["uid"]));
                }
                catch (ApiException ex) when (ex.IsNotFound && parse.GetValue(ignoreNotFound))
                {
                }
                catch (ApiException ex)
                {
                    await context.Error.WriteLineAsync(ClientErrors.FromServer(ex));
                    failed = true;
                }
            }
            if (parse.GetValue(wait) && !(forced && gracePeriod == 0))
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (WaitCommand.ParseTimeout(parse.GetValue(timeout), TimeSpan.Zero) is { } t && t > TimeSpan.Zero)
                {
                    limit.CancelAfter(t);
                }
                foreach (var (target, uid) in deleted)
                {
                    try
                    {
                        // Gone, or replaced by a new object of the same name (another uid): either way the one we deleted is gone.
                        await ObjectWatcher.WaitAsync(context, target.Type, target.Namespace, target.Name,
                            o => o is null || (string?)o["metadata"]?["uid"] != uid, limit.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        await context.Error.WriteLineAsync($"error: timed out waiting for the condition on {target.Type.Plural}/{target.Name}");
                        return ExitCodes.Failure;
                    }
                }
            }
            return failed ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<List<Target>> TargetsAsync(ClientContext context, string[] resources, string[] files, string? selector, bool all, CancellationToken cancellationToken)
    {
        if (files.Length > 0)
        {
            return [.. ManifestObjects.Read(files, context).Select(i => new Target(i.Type, i.Namespace, i.Name))];
        }
        var arguments = ResourceArguments.Parse(resources);
        var ns = arguments.Type.Namespaced ? context.Namespace : null;
        if (arguments.Names.Count > 0)
        {
            return [.. arguments.Names.Select(n => new Target(arguments.Type, ns, n))];
        }
        if (string.IsNullOrEmpty(selector) && !all)
        {
            throw new ClientUsageException("resource(s) were provided, but no name was specified");
        }
        var list = await context.Client.GetAsync(new QueryString(arguments.Type.CollectionPath(ns)).Add("labelSelector", selector), cancellationToken);
        var names = (list["items"] as JsonArray ?? []).Select(i => (string?)i?["metadata"]?["name"]).OfType<string>().ToList();
        if (names.Count == 0)
        {
            await context.Error.WriteLineAsync($"No resources found{(ns is null ? "" : $" in {ns} namespace")}.");
        }
        return [.. names.Select(n => new Target(arguments.Type, ns, n))];
    }

    private sealed record Target(ResourceType Type, string? Namespace, string Name);
}
