using Microsoft.Extensions.Logging;
using Tandem.Sidecars.Proxy.Auth;
using Tandem.Sidecars.Proxy.Configuration;
using Tandem.Sidecars.Proxy.Limits;

namespace Tandem.Sidecars.Proxy.Routing;

/// <summary>
/// Builds the runtime state for a validated config. Given the previous state, it keeps what did not
/// change (route limiters and breakers, the client limiter, cached JWT keys), which is the "apply"
/// step of reload: unchanged parts carry their counters across.
/// </summary>
internal sealed class ProxyStateBuilder(HttpClient jwksClient, TimeProvider time, ILoggerFactory loggers)
{
    private JwksSource? _jwks;
    private JwtConfig? _jwksConfig;

    public ProxyState Build(ProxyConfig config, ProxyState? previous)
    {
        var routes = new List<RouteRuntime>();
        foreach (var route in config.Routes)
        {
            var kept = previous?.Routes.Routes.FirstOrDefault(r => r.Config == route);
            routes.Add(kept ?? new RouteRuntime(route, time));
        }
        JwtAuthenticator? jwt = null;
        if (config.Auth.Jwt is { } jwtConfig)
        {
            if (_jwks is null || _jwksConfig != jwtConfig)
            {
                _jwks = new JwksSource(jwtConfig.JwksFile, jwtConfig.JwksUrl, jwtConfig.JwksRefresh, jwksClient, time, loggers.CreateLogger<JwksSource>());
                _jwksConfig = jwtConfig;
            }
            jwt = new JwtAuthenticator(jwtConfig, _jwks, time);
        }
        var clientLimiter = config.ClientRateLimit is null ? null
            : previous?.ClientLimiter is { } old && old.Config == config.ClientRateLimit ? old
            : new ClientRateLimiter(config.ClientRateLimit);
        return new ProxyState
        {
            Config = config,
            Routes = new RouteTable(routes),
            Authorizer = new RequestAuthorizer(config.Auth, new ApiKeyAuthenticator(config.Auth.ApiKeys), jwt),
            ClientLimiter = clientLimiter,
        };
    }
}
