using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Sidecars.Proxy.Auth;

/// <summary>
/// Bearer tokens that passed validation, so a client sending the same token on every request pays
/// for one signature check, not one per request (Envoy's jwt_authn keeps a similar cache). An entry
/// never outlives the token's own expiry (without the clock-skew allowance, which the full
/// validation still grants), a fixed maximum age, or the key set it was checked against: when the
/// JWKS is reloaded, every token is validated again, so a key taken out of the set stops working
/// at the next refresh. Bounded: when full, it starts over rather than grow.
/// </summary>
internal sealed class ValidatedTokens(TimeProvider time, int capacity = ValidatedTokens.DefaultCapacity)
{
    public const int DefaultCapacity = 1024;

    /// <summary>How long a validation is trusted even for a token that expires later.</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGet(string token, IList<SecurityKey> currentKeys, out CallerIdentity? identity)
    {
        if (_entries.TryGetValue(token, out var entry))
        {
            if (ReferenceEquals(entry.Keys, currentKeys) && time.GetUtcNow() < entry.Until)
            {
                identity = entry.Identity;
                return true;
            }
            _entries.TryRemove(new KeyValuePair<string, Entry>(token, entry));
        }
        identity = null;
        return false;
    }

    public void Add(string token, CallerIdentity identity, DateTimeOffset expires, IList<SecurityKey> keys)
    {
        var now = time.GetUtcNow();
        var until = expires < now + MaximumAge ? expires : now + MaximumAge;
        if (until <= now)
        {
            return;
        }
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }
        _entries[token] = new Entry(identity, until, keys);
    }

    private sealed record Entry(CallerIdentity Identity, DateTimeOffset Until, IList<SecurityKey> Keys);
}
