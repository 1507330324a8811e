namespace Tandem.Runtime;

/// <summary>A container changed state.</summary>
public sealed record ContainerEvent(string ContainerId, string SandboxId, ContainerState State, DateTimeOffset At);
