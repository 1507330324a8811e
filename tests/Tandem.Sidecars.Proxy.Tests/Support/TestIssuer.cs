using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Sidecars.Proxy.Tests.Support;

/// <summary>A token issuer with one RSA and one P-256 key, publishing them as a JWKS document.</summary>
public sealed class TestIssuer : IDisposable
{
    public const string Issuer = "https://issuer.test";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string Jwks
    {
        get
        {
            var rsa = _rsa.ExportParameters(false);
            var ec = _ec.ExportParameters(false);
            return $$"""
                {"keys":[
                  {"kty":"RSA","kid":"rsa-1","use":"sig","alg":"RS256","n":"{{Base64UrlEncoder.Encode(rsa.Modulus)}}","e":"{{Base64UrlEncoder.Encode(rsa.Exponent)}}"},
                  {"kty":"EC","kid":"ec-1","use":"sig","alg":"ES256","crv":"P-256","x":"{{Base64UrlEncoder.Encode(ec.Q.X)}}","y":"{{Base64UrlEncoder.Encode(ec.Q.Y)}}"}
                ]}
                """;
        }
    }

    public string Rs256(string subject, string audience = "orders", Dictionary<string, object>? claims = null, DateTime? expires = null) =>
        Create(new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha256), subject, audience, claims, expires);

    public string Es256(string subject, string audience = "orders", Dictionary<string, object>? claims = null) =>
        Create(new SigningCredentials(new ECDsaSecurityKey(_ec) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha256), subject, audience, claims, null);

    /// <summary>A token signed with a shared secret: valid-looking, but HS256 is not an allowed algorithm.</summary>
    public static string Hs256(string subject) =>
        Create(new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "rsa-1" }, SecurityAlgorithms.HmacSha256), subject, "orders", null, null);

    public void Dispose()
    {
        _rsa.Dispose();
        _ec.Dispose();
    }

    private static string Create(SigningCredentials credentials, string subject, string audience, Dictionary<string, object>? claims, DateTime? expires)
    {
        var all = new Dictionary<string, object>(claims ?? []) { ["sub"] = subject };
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = all,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            SigningCredentials = credentials,
        });
    }
}
