namespace Tandem.Model.Meta;

/// <summary>The API's answer when a request fails (or a delete succeeds): code, reason and message.</summary>
public sealed record Status
{
    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Status";

    public ListMeta? Metadata { get; init; } = new();

    /// <summary><c>Success</c> or <c>Failure</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("status")]
    public string? Outcome { get; init; }

    public string? Message { get; init; }

    /// <summary>A machine-readable reason such as <c>NotFound</c>, <c>AlreadyExists</c>, <c>Invalid</c>.</summary>
    public string? Reason { get; init; }

    public StatusDetails? Details { get; init; }

    public int? Code { get; init; }
}
