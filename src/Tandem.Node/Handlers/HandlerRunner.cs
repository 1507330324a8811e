using Tandem.Model.CoreV1;
using Tandem.Runtime;

namespace Tandem.Node.Handlers;

/// <summary>
/// Runs probe and lifecycle-hook handlers against a container: exec through the runtime,
/// httpGet, tcpSocket and grpc inside the pod's network namespace, sleep on the node's clock.
/// Probes are bounded by <c>timeoutSeconds</c>; hooks have no timeout of their own (R7, P16) and
/// end only when they finish or the caller cancels (the grace period, for preStop).
/// </summary>
public sealed class HandlerRunner(IContainerRuntime runtime, TimeProvider time)
{
    private readonly ExecHandler _exec = new(runtime);

    public Task<HandlerOutcome> ProbeAsync(Probe probe, HandlerTarget target, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(Math.Max(1, probe.TimeoutSeconds ?? 1));
        return probe switch
        {
            { Exec: { } exec } => _exec.RunAsync(exec.Command ?? [], target, timeout, cancellationToken),
            { HttpGet: { } http } => HttpGetHandler.RunAsync(http, target, timeout, isHook: false, cancellationToken),
            { TcpSocket: { } tcp } => target.ResolvePort(tcp.Port) is { } port
                ? TcpSocketHandler.RunAsync(string.IsNullOrEmpty(tcp.Host) ? target.PodIp : tcp.Host, port, target, timeout, cancellationToken)
                : Task.FromResult(HandlerOutcome.Error($"unable to find port {tcp.Port} in the container's ports")),
            { Grpc: { } grpc } => GrpcHealthHandler.RunAsync(grpc.Port ?? 0, grpc.Service, target, timeout, cancellationToken),
            _ => Task.FromResult(HandlerOutcome.Error("the probe has no handler")),
        };
    }

    public async Task<HandlerOutcome> RunHookAsync(LifecycleHandler hook, HandlerTarget target, CancellationToken cancellationToken)
    {
        switch (hook)
        {
            case { Exec: { } exec }:
                return await _exec.RunAsync(exec.Command ?? [], target, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            case { HttpGet: { } http }:
                return await HttpGetHandler.RunAsync(http, target, null, isHook: true, cancellationToken).ConfigureAwait(false);
            case { Sleep: { } sleep }:
                await Task.Delay(TimeSpan.FromSeconds(sleep.Seconds ?? 0), time, cancellationToken).ConfigureAwait(false);
                return HandlerOutcome.Success();
            case { TcpSocket: not null }:
                // The kubelet accepts tcpSocket hooks for compatibility but does nothing with them.
                return HandlerOutcome.Success();
            default:
                return HandlerOutcome.Error("the hook has no handler");
        }
    }
}
