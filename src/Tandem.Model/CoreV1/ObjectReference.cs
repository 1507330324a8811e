namespace Tandem.Model.CoreV1;

/// <summary>The object an event is about.</summary>
public sealed record ObjectReference
{
    public string? Kind { get; init; }

    public string? Namespace { get; init; }

    public string? Name { get; init; }

    public string? Uid { get; init; }

    public string? ApiVersion { get; init; }

    public string? ResourceVersion { get; init; }

    public string? FieldPath { get; init; }
}
