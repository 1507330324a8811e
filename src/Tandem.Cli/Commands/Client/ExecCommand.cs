using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Tandem.Cli.Api;
using Tandem.Cli.Terminal;
using Tandem.Model.Meta;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// <c>tandem exec POD [-c CONTAINER] [-i] [-t] -- COMMAND…</c>: kubectl's <c>exec</c> over WebSocket
/// <c>v5.channel.k8s.io</c>. With <c>-t</c> on a terminal the local terminal goes raw and its size follows SIGWINCH;
/// the remote command's exit code becomes tandem's, as with kubectl.
/// </summary>
public static class ExecCommand
{
    public const string Protocol = "v5.channel.k8s.io";

    public static Command Create(ClientOptions client)
    {
        var arguments = new Argument<string[]>("pod-and-command") { Description = "The pod (web or pod/web), then -- and the command.", Arity = ArgumentArity.OneOrMore };
        var container = new Option<string?>("--container", "-c") { Description = "The container; default: the pod's default-container annotation, else the first." };
        var stdin = new Option<bool>("--stdin", "-i") { Description = "Pass standard input to the command." };
        var tty = new Option<bool>("--tty", "-t") { Description = "Give the command a terminal (with -i, on a terminal)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only what the command prints." };
        var command = new Command("exec", "Run a command in a container of a pod on the node.") { arguments, container, stdin, tty, quiet };
        client.AddTo(command);
        command.SetAction(client.Action(async (context, parse, cancellationToken) =>
        {
            var words = parse.GetValue(arguments) ?? [];
            if (words.Length < 2)
            {
                throw new ClientUsageException("you must specify at least one command for the container, e.g. tandem exec web -- sh");
            }
            var pod = await PodLookup.GetAsync(context, PodLookup.PodName(words[0]), cancellationToken);
            if (pod.Status?.Phase is "Succeeded" or "Failed")
            {
                throw new ClientUsageException($"cannot exec into a container in a completed pod; current phase is {pod.Status.Phase}");
            }
            var name = PodLookup.ChooseContainer(pod, parse.GetValue(container), parse.GetValue(quiet) ? TextWriter.Null : context.Error);
            var withStdin = parse.GetValue(stdin);
            var withTty = parse.GetValue(tty) && withStdin;
            if (withTty && !RawTerminal.IsTerminal(0))
            {
                if (!parse.GetValue(quiet))
                {
                    await context.Error.WriteLineAsync("Unable to use a TTY - input is not a terminal or the right kind of file");
                }
                withTty = false;
            }
            var query = new QueryString($"{ResourceType.Pods.ItemPath(context.Namespace, pod.Metadata!.Name!)}/exec");
            foreach (var word in words.Skip(1))
            {
                query.Add("command", word);
            }
            query.Add("container", name).Add("stdin", withStdin ? "true" : null).Add("stdout", "true").Add("stderr", withTty ? null : "true").Add("tty", withTty ? "true" : null);
            using var socket = await context.Client.ConnectWebSocketAsync(query, Protocol, cancellationToken);
            var session = new ExecSession(socket);
            Status status;
            using (var raw = withTty ? RawTerminal.Enter() : null)
            using (withTty ? FollowResize(session, cancellationToken) : null)
            {
                if (withTty && TerminalSize.Read() is { } size)
                {
                    await session.ResizeAsync(size.Width, size.Height, cancellationToken);
                }
                status = await session.RunAsync(withStdin ? Console.OpenStandardInput() : null, Console.OpenStandardOutput(), Console.OpenStandardError(), cancellationToken);
            }
            return await ExitCodeAsync(status, context.Error);
        }));
        return command;
    }

    /// <summary>kubectl's reading of the final Status: success, the command's own exit code, or an error (exit 1).</summary>
    public static async Task<int> ExitCodeAsync(Status status, TextWriter error)
    {
        if (status.Outcome == "Success")
        {
            return ExitCodes.Success;
        }
        if (status.Reason == "NonZeroExitCode" &&
            status.Details?.Causes?.FirstOrDefault(c => c.Reason == "ExitCode") is { } cause &&
            byte.TryParse(cause.Message, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            await error.WriteLineAsync($"command terminated with exit code {code}");
            return code;
        }
        await error.WriteLineAsync($"error: {status.Message}");
        return ExitCodes.Failure;
    }

    private static PosixSignalRegistration FollowResize(ExecSession session, CancellationToken cancellationToken) =>
        PosixSignalRegistration.Create(PosixSignal.SIGWINCH, signal =>
        {
            signal.Cancel = false;
            if (TerminalSize.Read() is { } size)
            {
                _ = session.ResizeAsync(size.Width, size.Height, cancellationToken);
            }
        });
}
