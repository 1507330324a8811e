namespace Tandem.Model.CoreV1;

/// <summary>The content of an OCI image as a read-only volume.</summary>
public sealed record ImageVolumeSource
{
    public string? Reference { get; init; }

    public string? PullPolicy { get; init; }
}
