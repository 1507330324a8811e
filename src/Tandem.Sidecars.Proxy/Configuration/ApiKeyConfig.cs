namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>One API key, stored as the lowercase hex SHA-256 of the key so the config file holds no secret.</summary>
public sealed record ApiKeyConfig(string Name, string Sha256);
