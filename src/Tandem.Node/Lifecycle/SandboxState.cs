namespace Tandem.Node.Lifecycle;

/// <summary>The pod sandbox as observed: drives sandbox (re)creation and <c>PodReadyToStartContainers</c>.</summary>
public enum SandboxState
{
    /// <summary>No sandbox exists (never created, or stopped and removed).</summary>
    None,

    Ready,

    /// <summary>A sandbox exists but is not ready (stopped); the kubelet recreates it (<c>PodSandboxChanged</c>).</summary>
    NotReady,
}
