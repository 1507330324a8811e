using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Tandem.Sidecars.Proxy.Configuration;

namespace Tandem.Sidecars.Proxy.Auth;

/// <summary>
/// Checks API keys against their SHA-256 hashes. The lookup is by hash, so the time it takes does
/// not depend on how much of a guessed key matches a real one.
/// </summary>
internal sealed class ApiKeyAuthenticator(IEnumerable<ApiKeyConfig> keys)
{
    private readonly FrozenDictionary<string, string> _namesByHash = keys.ToFrozenDictionary(k => k.Sha256, k => k.Name, StringComparer.Ordinal);

    public bool HasKeys => _namesByHash.Count > 0;

    public CallerIdentity? Authenticate(string presented)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        return _namesByHash.TryGetValue(Convert.ToHexStringLower(hash), out var name) ? CallerIdentity.ForApiKey(name) : null;
    }
}
