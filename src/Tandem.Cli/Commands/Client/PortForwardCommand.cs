using System.CommandLine;
using System.Net;
using Tandem.Cli.Api;
using Tandem.Cli.PortForward;
using Tandem.Server.Spdy;

namespace Tandem.Cli.Commands.Client;

/// <summary>
/// <c>tandem port-forward POD [LOCAL:]REMOTE…</c>: kubectl's port-forward, SPDY/3.1 tunnelled over a WebSocket
/// (<c>SPDY/3.1+portforward.k8s.io</c>, what kubectl 1.31+ uses), listening on localhost until Ctrl-C.
/// </summary>
public static class PortForwardCommand
{
    public const string Protocol = "SPDY/3.1+portforward.k8s.io";

    public static Command Create(ClientOptions client)
    {
        var pod = new Argument<string>("pod") { Description = "The pod (web or pod/web)." };
        var ports = new Argument<string[]>("ports") { Description = "[LOCAL:]REMOTE, e.g. 8080:80, 80 or :80 (any free local port).", Arity = ArgumentArity.OneOrMore };
        var address = new Option<string[]>("--address") { Description = "Local addresses to listen on (default localhost: 127.0.0.1 and ::1).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("port-forward", "Forward local ports to a pod's ports.") { pod, ports, address };
        client.AddTo(command);
        command.SetAction(client.Action(async (context, parse, cancellationToken) =>
        {
            var mappings = (parse.GetValue(ports) ?? []).Select(Parse).ToList();
            var addresses = Addresses(parse.GetValue(address));
            var target = await PodLookup.GetAsync(context, PodLookup.PodName(parse.GetValue(pod)!), cancellationToken);
            if (target.Status?.Phase != "Running")
            {
                throw new ClientUsageException($"unable to forward port because pod is not running. Current status={target.Status?.Phase}");
            }
            var socket = await context.Client.ConnectWebSocketAsync($"{ResourceType.Pods.ItemPath(context.Namespace, target.Metadata!.Name!)}/portforward", Protocol, cancellationToken);
            await using var session = new SpdyClientSession(new WebSocketByteStream(socket));
            session.Start();
            try
            {
                await new PortForwarder(session, context.Out, context.Error).RunAsync(addresses, mappings, null, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Success;
            }
            return ExitCodes.Failure;
        }));
        return command;
    }

    private static PortMapping Parse(string text)
    {
        try
        {
            return PortMapping.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new ClientUsageException(ex.Message);
        }
    }

    private static List<IPAddress> Addresses(string[]? given)
    {
        var names = given is { Length: > 0 } ? given.SelectMany(a => a.Split(',')) : ["localhost"];
        var addresses = new List<IPAddress>();
        foreach (var name in names)
        {
            if (name == "localhost")
            {
                addresses.Add(IPAddress.Loopback);
                addresses.Add(IPAddress.IPv6Loopback);
            }
            else if (IPAddress.TryParse(name, out var parsed))
            {
                addresses.Add(parsed);
            }
            else
            {
                throw new ClientUsageException($"{name} is not a valid IP address or localhost");
            }
        }
        return addresses;
    }
}
