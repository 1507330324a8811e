namespace Tandem.Node.Lifecycle;

/// <summary>The three roles a container can have in a pod (spec §0 "Terms").</summary>
public enum ContainerKind
{
    /// <summary>An init container without <c>restartPolicy: Always</c>: runs once to completion, in order.</summary>
    RegularInit,

    /// <summary>An init container with <c>restartPolicy: Always</c> (R1): started in order, kept running.</summary>
    Sidecar,

    /// <summary>An entry of <c>spec.containers</c>.</summary>
    Regular,
}
