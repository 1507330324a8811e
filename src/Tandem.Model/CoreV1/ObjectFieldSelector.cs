namespace Tandem.Model.CoreV1;

/// <summary>A field of the pod, such as <c>metadata.name</c>, for the downward API.</summary>
public sealed record ObjectFieldSelector
{
    public string? ApiVersion { get; init; }

    public string? FieldPath { get; init; }
}
