using Tandem.Sidecars.Proxy.Configuration;

namespace Tandem.Sidecars.Proxy.Routing;

/// <summary>
/// Picks the route for a request: the most specific host (exact, then wildcard, then any) and,
/// among those, the longest path prefix. Immutable; a reload builds a new table.
/// </summary>
internal sealed class RouteTable
{
    private readonly RouteRuntime[] _ordered;

    public RouteTable(IEnumerable<RouteRuntime> routes)
    {
        _ordered = [.. routes
            .OrderBy(r => HostRank(r.Config))
            .ThenByDescending(r => r.PathPrefix.Length)];
    }

    public IReadOnlyList<RouteRuntime> Routes => _ordered;

    public RouteRuntime? Match(string host, string path)
    {
        foreach (var route in _ordered)
        {
            if (route.MatchesHost(host) && route.MatchesPath(path))
            {
                return route;
            }
        }
        return null;
    }

    private static int HostRank(RouteConfig route) =>
        route.Hosts.Count == 0 ? 2 : route.Hosts.All(h => !h.StartsWith("*.", StringComparison.Ordinal)) ? 0 : 1;
}
