using System.CommandLine;
using Tandem.Cli.Api;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// The flags every client verb shares (<c>--kubeconfig</c>, <c>--context</c>, <c>-n</c>), and the one place that
/// turns them into a connected <see cref="ClientContext"/>, with kubectl's namespace precedence: the flag, then the
/// context's namespace, then <c>default</c>.
/// </summary>
public sealed class ClientOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "The kubeconfig file to use (default: $KUBECONFIG, then ~/.kube/config, as kubectl)." };

    public Option<string?> Context { get; } = new("--context") { Description = "The kubeconfig context to use (default: its current-context)." };

    public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "The namespace (default: the context's namespace, else default)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(Namespace);
    }

    public ClientContext Connect(ParseResult parse)
    {
        var connection = KubeconfigLoader.Load(parse.GetValue(Kubeconfig), parse.GetValue(Context), Environment.GetEnvironmentVariable);
        var flag = parse.GetValue(Namespace);
        var @namespace = !string.IsNullOrEmpty(flag) ? flag : connection.ContextNamespace ?? "default";
        return new ClientContext(new KubeClient(connection), @namespace, !string.IsNullOrEmpty(flag), Console.Out, Console.Error, TimeProvider.System);
    }

    /// <summary>Runs a verb with the shared error handling: any failure is printed as kubectl prints it, exit 1.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Action(Func<ClientContext, ParseResult, CancellationToken, Task<int>> verb) =>
        async (parse, cancellationToken) =>
        {
            try
            {
                using var context = Connect(parse);
                return await verb(context, parse, cancellationToken);
            }
            catch (Exception ex) when (ClientErrors.Message(ex) is { } message)
            {
                await Console.Error.WriteLineAsync(message);
                return ExitCodes.Failure;
            }
        };
}
