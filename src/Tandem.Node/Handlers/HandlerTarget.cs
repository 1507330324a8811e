using Tandem.Model.CoreV1;

namespace Tandem.Node.Handlers;

/// <summary>
/// The container a probe or hook runs against: its runtime id (for exec), the pod's network
/// namespace (for network handlers; null means the host's), the pod's address, and the
/// container's declared ports (a handler may name one).
/// </summary>
public sealed record HandlerTarget(string ContainerId, string? NetworkNamespacePath, string PodIp, IReadOnlyList<ContainerPort> Ports)
{
    /// <summary>A port number, or the number of a named container port (R: probes may name ports).</summary>
    public int? ResolvePort(Tandem.Model.Primitives.IntOrString? port) => port switch
    {
        { IntValue: { } number } => number,
        { StringValue: { } name } => Ports.FirstOrDefault(p => p.Name == name)?.Number
            ?? (int.TryParse(name, out var parsed) ? parsed : null),
        _ => null,
    };
}
