namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>JWT bearer validation: RS256/ES256 signatures against a JWKS, issuer, audience, lifetime.</summary>
public sealed record JwtConfig
{
    public required string Issuer { get; init; }

    public required ValueList<string> Audiences { get; init; }

    public string? JwksFile { get; init; }

    public Uri? JwksUrl { get; init; }

    /// <summary>How long fetched keys are trusted before they are fetched again.</summary>
    public TimeSpan JwksRefresh { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Tolerance for clock differences on exp and nbf; bounded to 5 minutes by validation.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    public ValueList<string> Algorithms { get; init; } = new(["RS256", "ES256"]);
}
