namespace Tandem.Model.CoreV1;

/// <summary>A service account token file inside a projected volume.</summary>
public sealed record ServiceAccountTokenProjection
{
    public string? Audience { get; init; }

    public long? ExpirationSeconds { get; init; }

    public string? Path { get; init; }
}
