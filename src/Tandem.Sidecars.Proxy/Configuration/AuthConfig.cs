namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>The ways a caller can prove who it is.</summary>
public sealed record AuthConfig
{
    /// <summary>Header that carries an API key.</summary>
    public string ApiKeyHeader { get; init; } = "x-api-key";

    public ValueList<ApiKeyConfig> ApiKeys { get; init; } = ValueList<ApiKeyConfig>.Empty;

    public JwtConfig? Jwt { get; init; }
}
