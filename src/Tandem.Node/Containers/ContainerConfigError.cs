namespace Tandem.Node.Containers;

/// <summary>
/// A container cannot be configured from what the pod refers to (a missing ConfigMap, Secret or
/// key); the kubelet reports it as <c>waiting{reason: CreateContainerConfigError}</c> with this
/// message and retries on the next sync.
/// </summary>
public sealed class ContainerConfigError(string message) : Exception(message);
