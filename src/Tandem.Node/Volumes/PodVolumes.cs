namespace Tandem.Node.Volumes;

/// <summary>The host directory (or file) behind each volume of a pod, ready to be bind-mounted.</summary>
public sealed record PodVolumes(IReadOnlyDictionary<string, string> HostPaths);
