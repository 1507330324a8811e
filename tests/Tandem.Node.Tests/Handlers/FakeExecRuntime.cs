using Tandem.Runtime;

namespace Tandem.Node.Tests.Handlers;

/// <summary>A runtime whose only working call is exec, answering with a fixed result (the real exec is tested with runc).</summary>
internal sealed class FakeExecRuntime(ExecResult result) : IContainerRuntime
{
    public List<IReadOnlyList<string>> Commands { get; } = [];

    public Task<ExecResult> ExecSyncAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Commands.Add(command);
        return Task.FromResult(result);
    }

    public Task<string> CreateContainerAsync(string sandboxId, ContainerConfig config, PodSandboxConfig sandbox, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task StopContainerAsync(string containerId, TimeSpan timeout, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContainerStatus> ContainerStatusAsync(string containerId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ContainerStatus>> ListContainersAsync(string? sandboxId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<ContainerEvent> WatchAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
