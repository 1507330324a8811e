namespace Tandem.Model.CoreV1;

/// <summary>A directory or file of the host, checked against its expected type.</summary>
public sealed record HostPathVolumeSource
{
    public string? Path { get; init; }

    public string? Type { get; init; }
}
