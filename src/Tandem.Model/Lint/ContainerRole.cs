namespace Tandem.Model.Lint;

/// <summary>What a container is to the kubelet (spec section 0, "Terms").</summary>
public enum ContainerRole
{
    /// <summary>An init container without <c>restartPolicy: Always</c>: runs to completion, alone, in order (R8).</summary>
    InitContainer,

    /// <summary>An init container with <c>restartPolicy: Always</c> (R1): starts in order, then runs beside the app.</summary>
    Sidecar,

    /// <summary>An entry of <c>spec.containers</c>: started together once initialization is done.</summary>
    Regular,
}
