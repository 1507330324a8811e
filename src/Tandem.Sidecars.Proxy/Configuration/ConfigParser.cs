using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>
/// Reads and validates the proxy's YAML in one pass and returns either a config or all errors.
/// The schema is the reference in docs/sidecars/proxy.md; keep the two in step.
/// </summary>
public static class ConfigParser
{
    /// <param name="yaml">The file's text.</param>
    /// <param name="baseDirectory">Relative file paths (certificates, JWKS) are resolved against it.</param>
    public static ConfigLoadResult Parse(string yaml, string baseDirectory)
    {
        var errors = new List<string>();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                return new(null, ["(file): must hold exactly one YAML mapping"]);
            }
            root = map;
        }
        catch (YamlException e)
        {
            return new(null, [$"(file): not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}"]);
        }

        var node = new ConfigNode(root, "", errors);
        node.RejectUnknown("listen", "tls", "admin", "health", "drain", "limits", "auth", "rateLimits", "identity", "accessLog", "tracing", "routes");
        var files = new FileChecks(baseDirectory, errors);
        var listen = ListenerReader.ReadListen(node.Map("listen", required: true));
        var tls = ListenerReader.ReadTls(node.Map("tls"), files);
        if (listen?.Https is not null && tls is null)
        {
            errors.Add("tls: required because listen.https is set");
        }
        if (tls is not null && listen is not null && listen.Https is null)
        {
            errors.Add("listen.https: required because tls is set");
        }
        var auth = AuthReader.Read(node.Map("auth"), files) ?? new AuthConfig();
        var routes = ReadRoutes(node, auth);
        var config = new ProxyConfig
        {
            Listen = listen ?? new ListenConfig(),
            Tls = tls,
            Admin = ListenerReader.ReadAdmin(node.Map("admin")),
            Health = ReadHealth(node.Map("health")),
            DrainGrace = ReadDrain(node.Map("drain")),
            Limits = ReadLimits(node.Map("limits")),
            Auth = auth,
            ClientRateLimit = ReadClientRateLimit(node.Map("rateLimits")),
            IdentityHeaderPrefix = ReadIdentity(node.Map("identity")),
            AccessLog = TelemetryReader.ReadAccessLog(node.Map("accessLog")),
            Tracing = TelemetryReader.ReadTracing(node.Map("tracing")),
            Routes = new ValueList<RouteConfig>(routes),
        };
        return errors.Count == 0 ? new(config, []) : new(null, errors);
    }

    private static HealthCheckConfig? ReadHealth(ConfigNode? node)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("url", "interval", "timeout");
        var url = HttpUrl(node, "url", node.String("url", required: true));
        var interval = node.Duration("interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5));
        var timeout = node.Duration("timeout", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5));
        return url is null ? null : new HealthCheckConfig
        {
            Url = url,
            Interval = interval ?? TimeSpan.FromSeconds(2),
            Timeout = timeout ?? TimeSpan.FromSeconds(1),
        };
    }

    private static TimeSpan ReadDrain(ConfigNode? node)
    {
        if (node is null)
        {
            return TimeSpan.FromSeconds(25);
        }
        node.RejectUnknown("grace");
        return node.Duration("grace", TimeSpan.Zero, TimeSpan.FromHours(1)) ?? TimeSpan.FromSeconds(25);
    }

    private static LimitsConfig ReadLimits(ConfigNode? node)
    {
        if (node is null)
        {
            return new LimitsConfig();
        }
        node.RejectUnknown("maxConcurrentRequests", "maxRequestHeaderBytes", "maxRequestBodyBytes");
        return new LimitsConfig
        {
            MaxConcurrentRequests = node.Int("maxConcurrentRequests", 1, 1_000_000) ?? 1024,
            MaxRequestHeaderBytes = node.Int("maxRequestHeaderBytes", 1024, 1024 * 1024) ?? 32 * 1024,
            MaxRequestBodyBytes = node.Long("maxRequestBodyBytes", 0, long.MaxValue),
        };
    }

    private static RateLimitConfig? ReadClientRateLimit(ConfigNode? node)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("perClient");
        return RouteReader.ReadRateLimit(node.Map("perClient"));
    }

    private static string ReadIdentity(ConfigNode? node)
    {
        if (node is null)
        {
            return "x-tandem-";
        }
        node.RejectUnknown("headerPrefix");
        var prefix = node.String("headerPrefix");
        if (prefix is not null && (prefix.Length < 2 || !prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            node.Error("headerPrefix", "must be lowercase letters, digits and '-', at least 2 characters");
            return "x-tandem-";
        }
        return prefix ?? "x-tandem-";
    }

    private static List<RouteConfig> ReadRoutes(ConfigNode root, AuthConfig auth)
    {
        var routes = new List<RouteConfig>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var matches = new HashSet<string>(StringComparer.Ordinal);
        var items = root.MapSequence("routes", required: true);
        if (root.Has("routes") && items.Count == 0)
        {
            root.Error("routes", "must list at least one route");
        }
        foreach (var node in items)
        {
            var route = RouteReader.Read(node, auth);
            if (route is null)
            {
                continue;
            }
            if (!names.Add(route.Name))
            {
                node.Error("name", $"duplicate route name '{route.Name}'");
            }
            var key = $"{string.Join(",", route.Hosts.Order(StringComparer.Ordinal))}|{route.PathPrefix}";
            if (!matches.Add(key))
            {
                node.Error("pathPrefix", $"another route already matches the same hosts and path prefix '{route.PathPrefix}'; it could never be reached");
            }
            routes.Add(route);
        }
        return routes;
    }

    internal static Uri? HttpUrl(ConfigNode node, string key, string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            node.Error(key, $"must be an http:// or https:// URL without query or user info, not '{text}'");
            return null;
        }
        return uri;
    }
}
