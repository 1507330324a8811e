using Tandem.Sidecars.Proxy.Configuration;

namespace Tandem.Sidecars.Proxy.Lifecycle;

/// <summary>
/// The "diff" of load, validate, diff, apply: what differs between the config in service and a new
/// one, and which differences cannot be applied to a running process (listeners, the admin port,
/// Kestrel's header and body limits, the access log target, the trace exporter) and so wait for a restart.
/// </summary>
internal static class ConfigDiff
{
    public static (List<string> Changes, List<string> RestartRequired) Compute(ProxyConfig current, ProxyConfig next)
    {
        var changes = new List<string>();
        var restart = new List<string>();
        var oldRoutes = current.Routes.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var newRoutes = next.Routes.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var name in newRoutes.Keys.Except(oldRoutes.Keys))
        {
            changes.Add($"routes: added '{name}'");
        }
        foreach (var name in oldRoutes.Keys.Except(newRoutes.Keys))
        {
            changes.Add($"routes: removed '{name}'");
        }
        foreach (var name in newRoutes.Keys.Intersect(oldRoutes.Keys))
        {
            if (newRoutes[name] != oldRoutes[name])
            {
                changes.Add($"routes: changed '{name}'");
            }
        }
        if (!current.Routes.Select(r => r.Name).SequenceEqual(next.Routes.Select(r => r.Name)) && changes.Count == 0)
        {
            changes.Add("routes: reordered");
        }
        Compare(changes, "auth", current.Auth, next.Auth);
        Compare(changes, "rateLimits", current.ClientRateLimit, next.ClientRateLimit);
        Compare(changes, "limits.maxConcurrentRequests", current.Limits.MaxConcurrentRequests, next.Limits.MaxConcurrentRequests);
        Compare(changes, "identity", current.IdentityHeaderPrefix, next.IdentityHeaderPrefix);
        Compare(changes, "drain", current.DrainGrace, next.DrainGrace);
        Compare(changes, "health", current.Health, next.Health);
        if (current.Tls is not null && next.Tls is not null)
        {
            Compare(changes, "tls", current.Tls, next.Tls);
        }
        Compare(restart, "listen", current.Listen, next.Listen);
        Compare(restart, "admin", current.Admin, next.Admin);
        Compare(restart, "limits.maxRequestHeaderBytes", current.Limits.MaxRequestHeaderBytes, next.Limits.MaxRequestHeaderBytes);
        Compare(restart, "limits.maxRequestBodyBytes", current.Limits.MaxRequestBodyBytes, next.Limits.MaxRequestBodyBytes);
        Compare(restart, "accessLog", current.AccessLog, next.AccessLog);
        Compare(restart, "tracing", current.Tracing, next.Tracing);
        if ((current.Tls is null) != (next.Tls is null))
        {
            restart.Add("tls: turned " + (next.Tls is null ? "off" : "on"));
        }
        return (changes, restart);
    }

    private static void Compare<T>(List<string> into, string field, T current, T next)
    {
        if (!EqualityComparer<T>.Default.Equals(current, next))
        {
            into.Add($"{field}: changed");
        }
    }
}
