namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>Who may call a route: the credential, the allowed methods, the scopes and claims a JWT must carry.</summary>
public sealed record RouteAuthConfig
{
    public AuthRequirement Require { get; init; } = AuthRequirement.None;

    /// <summary>Allowed methods; empty allows all.</summary>
    public ValueList<string> Methods { get; init; } = ValueList<string>.Empty;

    /// <summary>Scopes (space-separated <c>scope</c> or <c>scp</c> claim) a JWT must all carry.</summary>
    public ValueList<string> Scopes { get; init; } = ValueList<string>.Empty;

    /// <summary>Claims a JWT must carry with exactly these values.</summary>
    public ValueList<KeyValuePair<string, string>> Claims { get; init; } = ValueList<KeyValuePair<string, string>>.Empty;
}
