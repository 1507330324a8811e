namespace Tandem.Node.Containers;

/// <summary>
/// What the downward API can tell a container about where it runs, beyond the pod object:
/// the node and the addresses the runtime gave the pod, and the node's capacity (the value of a
/// resource limit that the container did not set).
/// </summary>
public sealed record PodFacts(string NodeName, string HostIp, string PodIp, int NodeCpuCores, long NodeMemoryBytes, long NodeEphemeralStorageBytes);
