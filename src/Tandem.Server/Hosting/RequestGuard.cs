using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tandem.Server.Http;

namespace Tandem.Server.Hosting;

/// <summary>
/// Runs before every route, upgrades included: only loopback callers (403), only with the bearer token when one is
/// configured (401, compared in constant time), bodies within the limit (413, also enforced by Kestrel for chunked bodies).
/// </summary>
internal sealed class RequestGuard(ApiServerOptions options)
{
    private readonly byte[]? _tokenHash = options.BearerToken is { } token ? SHA256.HashData(Encoding.UTF8.GetBytes(token)) : null;

    /// <summary>The Status to refuse the request with, or null to let it through.</summary>
    public ApiError? Check(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
        {
            return Errors.Forbidden("forbidden: this server accepts requests from loopback addresses only");
        }
        if (_tokenHash is not null && !HasToken(context.Request.Headers.Authorization.ToString()))
        {
            return Errors.Unauthorized();
        }
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            return Errors.TooLarge(options.MaxRequestBodyBytes);
        }
        return null;
    }

    private bool HasToken(string header)
    {
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Hashing first makes the comparison independent of the presented token's length.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _tokenHash);
    }
}
