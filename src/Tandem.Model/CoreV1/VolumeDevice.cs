namespace Tandem.Model.CoreV1;

/// <summary>A raw block volume exposed as a device.</summary>
public sealed record VolumeDevice
{
    public string? Name { get; init; }

    public string? DevicePath { get; init; }
}
