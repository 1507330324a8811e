namespace Tandem.Sidecars.Proxy.Auth;

/// <summary>Who the caller proved to be. <see cref="Scopes"/> and <see cref="Claims"/> come from a JWT only.</summary>
internal sealed record CallerIdentity(string Method, string Name, IReadOnlyList<string> Scopes, IReadOnlyDictionary<string, IReadOnlyList<string>> Claims)
{
    public static CallerIdentity ForApiKey(string name) => new("apikey", name, [], new Dictionary<string, IReadOnlyList<string>>());
}
