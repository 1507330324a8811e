namespace Tandem.Model.CoreV1;

/// <summary>Whether resizing a resource restarts the container.</summary>
public sealed record ContainerResizePolicy
{
    public string? ResourceName { get; init; }

    public string? RestartPolicy { get; init; }
}
