using Tandem.Model.CoreV1;
using Tandem.Node.Handlers;
using Tandem.Node.Volumes;
using Tandem.Runtime;

namespace Tandem.Node.Workers;

/// <summary>The pod's current sandbox and volumes, as a start or a handler needs them.</summary>
internal sealed record PodRuntimeContext(string SandboxId, PodSandboxConfig Sandbox, PodSandboxStatus Status, PodVolumes Volumes, string PodDirectory)
{
    public string PodIp => Status.Ip ?? "127.0.0.1";

    public HandlerTarget TargetOf(string containerId, Container container) =>
        new(containerId, Status.NetworkNamespacePath, PodIp, container.Ports ?? []);
}
