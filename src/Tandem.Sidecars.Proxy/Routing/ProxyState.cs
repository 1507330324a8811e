using Tandem.Sidecars.Proxy.Auth;
using Tandem.Sidecars.Proxy.Configuration;
using Tandem.Sidecars.Proxy.Limits;

namespace Tandem.Sidecars.Proxy.Routing;

/// <summary>
/// Everything a request needs, built from one config and swapped in as a whole: a request sees
/// either the old config or the new one, never a mix.
/// </summary>
internal sealed class ProxyState
{
    public required ProxyConfig Config { get; init; }

    public required RouteTable Routes { get; init; }

    public required RequestAuthorizer Authorizer { get; init; }

    public ClientRateLimiter? ClientLimiter { get; init; }

    /// <summary>Parts the next state did not reuse (limiters with timers), to dispose once no request holds them.</summary>
    public IEnumerable<IDisposable> Disposables(ProxyState? next)
    {
        foreach (var route in Routes.Routes)
        {
            if (next is null || !next.Routes.Routes.Contains(route))
            {
                yield return route;
            }
        }
        if (ClientLimiter is not null && !ReferenceEquals(ClientLimiter, next?.ClientLimiter))
        {
            yield return ClientLimiter;
        }
    }
}
