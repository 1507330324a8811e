namespace Tandem.Model.CoreV1;

/// <summary>One downward API file: a pod field or a resource value.</summary>
public sealed record DownwardApiVolumeFile
{
    public string? Path { get; init; }

    public ObjectFieldSelector? FieldRef { get; init; }

    public ResourceFieldSelector? ResourceFieldRef { get; init; }

    public int? Mode { get; init; }
}
