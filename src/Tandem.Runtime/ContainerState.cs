namespace Tandem.Runtime;

/// <summary>The runtime's view of a container (CRI <c>ContainerState</c>).</summary>
public enum ContainerState
{
    Created,
    Running,
    Exited,
    Unknown,
}
