namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>Which credential a route demands.</summary>
public enum AuthRequirement
{
    None,
    ApiKey,
    Jwt,

    /// <summary>Either an API key or a JWT.</summary>
    Any,
}
