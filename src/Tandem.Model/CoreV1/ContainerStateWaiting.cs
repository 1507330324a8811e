namespace Tandem.Model.CoreV1;

/// <summary>A container that is not running yet, with the reason.</summary>
public sealed record ContainerStateWaiting
{
    public string? Reason { get; init; }

    public string? Message { get; init; }
}
