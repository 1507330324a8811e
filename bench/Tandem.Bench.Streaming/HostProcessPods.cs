using System.Diagnostics;
using System.Net.Sockets;
using Tandem.Runtime;
using Tandem.Server.Streaming;

namespace Tandem.Bench.Streaming;

/// <summary>
/// Streaming targets on this machine, to measure the protocol layer alone: exec starts a host process with pipes,
/// port-forward connects to 127.0.0.1. (The runc runtime adds its own costs on top.)
/// </summary>
internal sealed class HostProcessPods : IPodStreams
{
    public PodStreamResolution Resolve(PodStreamRequest request) =>
        PodStreamResolution.Found(new PodStreamTarget(request.Namespace, request.Pod, request.Container ?? "main", "host", "host"));

    public async Task<int> ExecAsync(PodStreamTarget target, IReadOnlyList<string> command, StreamingIo io, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = io.Stdout is null ? Task.CompletedTask : process.StandardOutput.BaseStream.CopyToAsync(io.Stdout, cancellationToken);
        var stderr = io.Stderr is null ? Task.CompletedTask : process.StandardError.BaseStream.CopyToAsync(io.Stderr, cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(stdout, stderr);
        return process.ExitCode;
    }

    public Task AttachAsync(PodStreamTarget target, StreamingIo io, CancellationToken cancellationToken) =>
        throw new RuntimeException(RuntimeErrorCode.InvalidArgument, "attach is not measured");

    public async Task<Stream> PortForwardAsync(PodStreamTarget target, int port, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        return client.GetStream();
    }
}
