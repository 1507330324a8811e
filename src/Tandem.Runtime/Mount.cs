namespace Tandem.Runtime;

/// <summary>A bind mount of a prepared host path at a path in the container.</summary>
public sealed record Mount(string HostPath, string ContainerPath, bool ReadOnly, string Propagation = "None");
