using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tandem.Sidecars.Proxy.Configuration;

namespace Tandem.Sidecars.Proxy.Auth;

/// <summary>
/// Validates bearer tokens: signature (RS256/ES256 only), issuer, audience, exp/nbf with bounded skew.
/// Lifetime is checked against the system clock: this IdentityModel version takes no TimeProvider.
/// </summary>
internal sealed class JwtAuthenticator(JwtConfig config, JwksSource keys, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ValidatedTokens _validated = new(time);

    public async ValueTask<(CallerIdentity? Identity, string? Error)> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var signingKeys = await keys.GetKeysAsync(unknownKey: false, cancellationToken).ConfigureAwait(false);
        if (_validated.TryGet(token, signingKeys, out var known))
        {
            return (known, null);
        }
        var result = await ValidateAsync(token, signingKeys).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The issuer may have rotated its keys since the last fetch.
            signingKeys = await keys.GetKeysAsync(unknownKey: true, cancellationToken).ConfigureAwait(false);
            result = await ValidateAsync(token, signingKeys).ConfigureAwait(false);
        }
        if (!result.IsValid)
        {
            return (null, Describe(result.Exception));
        }
        var claims = result.ClaimsIdentity.Claims
            .GroupBy(c => c.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(c => c.Value)], StringComparer.Ordinal);
        var subject = claims.TryGetValue("sub", out var sub) ? sub[0] : "unknown";
        var identity = new CallerIdentity("jwt", subject, Scopes(claims), claims);
        _validated.Add(token, identity, new DateTimeOffset(DateTime.SpecifyKind(result.SecurityToken.ValidTo, DateTimeKind.Utc)), signingKeys);
        return (identity, null);
    }

    private async Task<TokenValidationResult> ValidateAsync(string token, IList<SecurityKey> signingKeys)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = config.Issuer,
            ValidAudiences = config.Audiences,
            IssuerSigningKeys = signingKeys,
            ValidAlgorithms = config.Algorithms,
            ClockSkew = config.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
        };
        return await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
    }

    /// <summary>Scopes from <c>scope</c> (space-separated, RFC 8693) or <c>scp</c> (string or array).</summary>
    private static IReadOnlyList<string> Scopes(Dictionary<string, IReadOnlyList<string>> claims)
    {
        var scopes = new List<string>();
        foreach (var name in (string[])["scope", "scp"])
        {
            if (claims.TryGetValue(name, out var values))
            {
                scopes.AddRange(values.SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }
        }
        return scopes;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenNoExpirationException => "token has no expiry",
        _ => "invalid token",
    };
}
