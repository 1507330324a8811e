using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tandem.Bench.Proxy;

/// <summary>
/// <c>token DIR</c>: makes an RS256 key, writes DIR/jwks.json and prints a one-hour token for
/// issuer <c>https://bench.tandem</c> and audience <c>bench</c>, for the TLS + JWT benchmark row.
/// </summary>
internal static class TokenTool
{
    public static int Run(string[] args)
    {
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(false);
        File.WriteAllText(Path.Combine(args[0], "jwks.json"), $$"""{"keys":[{"kty":"RSA","kid":"bench","use":"sig","alg":"RS256","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}"}]}""");
        Console.WriteLine(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://bench.tandem",
            Audience = "bench",
            Claims = new Dictionary<string, object> { ["sub"] = "bench", ["scope"] = "read" },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "bench" }, SecurityAlgorithms.RsaSha256),
        }));
        return 0;
    }
}
