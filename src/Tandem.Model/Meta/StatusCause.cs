namespace Tandem.Model.Meta;

/// <summary>One reason a request failed, with the field it concerns.</summary>
public sealed record StatusCause
{
    public string? Reason { get; init; }

    public string? Message { get; init; }

    public string? Field { get; init; }
}
