using System.CommandLine;
using Tandem.Cli.Api;
using Tandem.Cli.Run;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// <c>tandem wait --for=condition=Ready pod/web</c>: kubectl's <c>wait</c>, also <c>--for=delete</c> and
/// <c>--for=jsonpath={.status.phase}=Running</c>; prints <c>pod/web condition met</c>, or fails after <c>--timeout</c>.
/// </summary>
public static class WaitCommand
{
    public static Command Create(ClientOptions client)
    {
        var resources = new Argument<string[]>("resources") { Description = "TYPE/NAME… or TYPE NAME…", Arity = ArgumentArity.OneOrMore };
        var forOption = new Option<string>("--for") { Description = "delete, condition=NAME[=VALUE] or jsonpath={PATH}=VALUE.", Required = true };
        var timeout = new Option<string?>("--timeout") { Description = "How long to wait (default 30s; e.g. 2m)." };
        var command = new Command("wait", "Wait until objects meet a condition (Ready, deleted, a field value).") { resources, forOption, timeout };
        client.AddTo(command);
        command.SetAction(client.Action(async (context, parse, cancellationToken) =>
        {
            var condition = WaitCondition.Parse(parse.GetValue(forOption)!);
            var arguments = ResourceArguments.Parse(parse.GetValue(resources) ?? []);
            if (arguments.Names.Count == 0)
            {
                throw new ClientUsageException("resource(s) were provided, but no name was specified");
            }
            var limit = ParseTimeout(parse.GetValue(timeout), TimeSpan.FromSeconds(30))!.Value;
            var ns = arguments.Type.Namespaced ? context.Namespace : null;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(limit);
            foreach (var name in arguments.Names)
            {
                var label = $"{arguments.Type.Singular}/{name}";
                if (!condition.ForDelete)
                {
                    // A missing object is an error for conditions (kubectl checks with a GET first).
                    await context.Client.GetAsync(arguments.Type.ItemPath(ns, name), cancellationToken);
                }
                try
                {
                    await ObjectWatcher.WaitAsync(context, arguments.Type, ns, name, condition.IsMet, deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await context.Error.WriteLineAsync($"error: timed out waiting for the condition on {arguments.Type.Plural}/{name}");
                    return ExitCodes.Failure;
                }
                await context.Out.WriteLineAsync($"{label} condition met");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>A kubectl duration (<c>30s</c>, <c>2m</c>, <c>0</c>); null text gives <paramref name="fallback"/>.</summary>
    public static TimeSpan? ParseTimeout(string? text, TimeSpan fallback)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        if (text == "0")
        {
            return TimeSpan.Zero;
        }
        return Duration.TryParse(text, out var value) ? value : throw new ClientUsageException($"invalid argument \"{text}\" for \"--timeout\": use a duration like 30s or 2m");
    }
}
