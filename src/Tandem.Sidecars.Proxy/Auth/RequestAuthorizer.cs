using Microsoft.AspNetCore.Http;
using Tandem.Sidecars.Proxy.Configuration;

namespace Tandem.Sidecars.Proxy.Auth;

/// <summary>Applies a route's rules (methods, credential, scopes, claims) to a request.</summary>
internal sealed class RequestAuthorizer(AuthConfig config, ApiKeyAuthenticator apiKeys, JwtAuthenticator? jwt)
{
    public async ValueTask<AuthOutcome> AuthorizeAsync(HttpRequest request, RouteAuthConfig rules, CancellationToken cancellationToken)
    {
        if (rules.Methods.Count > 0 && !rules.Methods.Contains(request.Method, StringComparer.Ordinal))
        {
            return AuthOutcome.MethodNotAllowed($"method {request.Method} is not allowed on this route");
        }
        if (rules.Require == AuthRequirement.None)
        {
            return AuthOutcome.Anonymous;
        }
        CallerIdentity? identity = null;
        string? failure = null;
        var apiKey = request.Headers[config.ApiKeyHeader];
        var authorization = request.Headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
        if (rules.Require is AuthRequirement.ApiKey or AuthRequirement.Any && apiKey.Count > 0)
        {
            identity = apiKey.Count == 1 ? apiKeys.Authenticate(apiKey.ToString()) : null;
            failure = identity is null ? "invalid API key" : null;
        }
        if (identity is null && rules.Require is AuthRequirement.Jwt or AuthRequirement.Any && bearer is { Length: > 0 } && jwt is not null)
        {
            (identity, failure) = await jwt.AuthenticateAsync(bearer, cancellationToken).ConfigureAwait(false);
        }
        if (identity is null)
        {
            return AuthOutcome.Unauthenticated(failure ?? rules.Require switch
            {
                AuthRequirement.ApiKey => $"API key required in header {config.ApiKeyHeader}",
                AuthRequirement.Jwt => "bearer token required",
                _ => $"API key (header {config.ApiKeyHeader}) or bearer token required",
            });
        }
        foreach (var scope in rules.Scopes)
        {
            if (!identity.Scopes.Contains(scope, StringComparer.Ordinal))
            {
                return AuthOutcome.Forbidden($"scope '{scope}' required");
            }
        }
        foreach (var (name, value) in rules.Claims)
        {
            if (!identity.Claims.TryGetValue(name, out var values) || !values.Contains(value, StringComparer.Ordinal))
            {
                return AuthOutcome.Forbidden($"claim '{name}' must be '{value}'");
            }
        }
        return AuthOutcome.Allowed(identity);
    }
}
