using System.Net;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>
/// Reads and validates the proxy's YAML in one pass and returns either a config or all errors.
/// The schema is the reference in docs/sidecars/proxy.md; keep the two in step.
/// </summary>
public static class ConfigParser
{
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

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
        node.RejectUnknown("listen", "tls", "admin", "health", "drain", "limits", "auth", "rateLimits", "identity", "accessLog", "routes");
        var files = new FileChecks(baseDirectory, errors);
        var listen = ReadListen(node.Map("listen", required: true));
        var tls = ReadTls(node.Map("tls"), files);
        if (listen?.Https is not null && tls is null)
        {
            errors.Add("tls: required because listen.https is set");
        }
        if (tls is not null && listen is not null && listen.Https is null)
        {
            errors.Add("listen.https: required because tls is set");
        }
        var auth = ReadAuth(node.Map("auth"), files) ?? new AuthConfig();
        var routes = ReadRoutes(node, auth);
        var config = new ProxyConfig
        {
            Listen = listen ?? new ListenConfig(),
            Tls = tls,
            Admin = ReadAdmin(node.Map("admin")),
            Health = ReadHealth(node.Map("health")),
            DrainGrace = ReadDrain(node.Map("drain")),
            Limits = ReadLimits(node.Map("limits")),
            Auth = auth,
            ClientRateLimit = ReadClientRateLimit(node.Map("rateLimits")),
            IdentityHeaderPrefix = ReadIdentity(node.Map("identity")),
            AccessLog = ReadAccessLog(node.Map("accessLog")),
            Routes = new ValueList<RouteConfig>(routes),
        };
        return errors.Count == 0 ? new(config, []) : new(null, errors);
    }

    private static ListenConfig? ReadListen(ConfigNode? node)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("http", "h2c", "https");
        var listen = new ListenConfig { Http = EndPoint(node, "http"), H2c = EndPoint(node, "h2c"), Https = EndPoint(node, "https") };
        if (!node.Has("http") && !node.Has("https") && !node.Has("h2c"))
        {
            node.Error("http", "set at least one of listen.http, listen.h2c and listen.https");
        }
        return listen;
    }

    private static IPEndPoint? EndPoint(ConfigNode node, string key)
    {
        var text = node.String(key);
        if (text is null)
        {
            return null;
        }
        if (!IPEndPoint.TryParse(text, out var endpoint) || endpoint.Port is < 0 or > 65535 || !text.Contains(':', StringComparison.Ordinal))
        {
            node.Error(key, $"must be address:port such as 0.0.0.0:8443 or [::]:8443, not '{text}'");
            return null;
        }
        return endpoint;
    }

    private static TlsConfig? ReadTls(ConfigNode? node, FileChecks files)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("certificate", "key", "clientCa", "requireClientCertificate", "pollInterval");
        var certificate = files.Existing(node, "certificate", required: true);
        var key = files.Existing(node, "key", required: true);
        var clientCa = files.Existing(node, "clientCa", required: false);
        var require = node.Bool("requireClientCertificate");
        if (require is not null && clientCa is null)
        {
            node.Error("requireClientCertificate", "has no effect without tls.clientCa");
        }
        var poll = node.Duration("pollInterval", TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        if (certificate is null || key is null)
        {
            return null;
        }
        return new TlsConfig
        {
            CertificateFile = certificate,
            KeyFile = key,
            ClientCaFile = clientCa,
            RequireClientCertificate = require ?? true,
            PollInterval = poll ?? TimeSpan.FromSeconds(10),
        };
    }

    private static AdminConfig ReadAdmin(ConfigNode? node)
    {
        if (node is null)
        {
            return new AdminConfig();
        }
        node.RejectUnknown("address", "port", "shutdownEndpoint");
        var addressText = node.String("address");
        IPAddress? address = null;
        if (addressText is not null && !IPAddress.TryParse(addressText, out address))
        {
            node.Error("address", $"must be an IP address such as 127.0.0.1 or 0.0.0.0, not '{addressText}'");
        }
        return new AdminConfig
        {
            Address = address ?? IPAddress.Loopback,
            Port = node.Int("port", 0, 65535) ?? 9901,
            ShutdownEndpoint = node.Bool("shutdownEndpoint") ?? true,
        };
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

    private static AuthConfig? ReadAuth(ConfigNode? node, FileChecks files)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("apiKeyHeader", "apiKeys", "jwt");
        var keys = new List<ApiKeyConfig>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in node.MapSequence("apiKeys"))
        {
            item.RejectUnknown("name", "sha256");
            var name = item.String("name", required: true);
            var hash = item.String("sha256", required: true);
            if (name is not null && !names.Add(name))
            {
                item.Error("name", $"duplicate API key name '{name}'");
            }
            if (hash is not null && (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)))
            {
                item.Error("sha256", "must be 64 lowercase hex digits (printf %s KEY | sha256sum); the key itself never goes in the file");
                hash = null;
            }
            if (name is not null && hash is not null)
            {
                keys.Add(new ApiKeyConfig(name, hash));
            }
        }
        return new AuthConfig
        {
            ApiKeyHeader = node.String("apiKeyHeader") ?? "x-api-key",
            ApiKeys = new ValueList<ApiKeyConfig>(keys),
            Jwt = ReadJwt(node.Map("jwt"), files),
        };
    }

    private static JwtConfig? ReadJwt(ConfigNode? node, FileChecks files)
    {
        if (node is null)
        {
            return null;
        }
        node.RejectUnknown("issuer", "audiences", "jwksFile", "jwksUrl", "jwksRefresh", "clockSkew", "algorithms");
        var issuer = node.String("issuer", required: true);
        var audiences = node.StringSequence("audiences", required: true).Select(a => a.Value).ToList();
        if (node.Has("audiences") && audiences.Count == 0)
        {
            node.Error("audiences", "must list at least one audience");
        }
        var jwksFile = files.Existing(node, "jwksFile", required: false);
        var jwksUrl = HttpUrl(node, "jwksUrl", node.String("jwksUrl"));
        if (!node.Has("jwksFile") && !node.Has("jwksUrl"))
        {
            node.Error("jwksFile", "set jwksFile or jwksUrl");
        }
        else if (node.Has("jwksFile") && node.Has("jwksUrl"))
        {
            node.Error("jwksUrl", "set only one of jwksFile and jwksUrl");
        }
        var algorithms = new List<string>();
        foreach (var (value, path) in node.StringSequence("algorithms"))
        {
            if (value is "RS256" or "ES256")
            {
                algorithms.Add(value);
            }
            else
            {
                node.Error(path[(node.Path.Length + 1)..], $"'{value}' is not supported; use RS256 or ES256");
            }
        }
        var refresh = node.Duration("jwksRefresh", TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        var skew = node.Duration("clockSkew", TimeSpan.Zero, MaxSkew);
        if (issuer is null)
        {
            return null;
        }
        return new JwtConfig
        {
            Issuer = issuer,
            Audiences = new ValueList<string>(audiences),
            JwksFile = jwksFile,
            JwksUrl = jwksUrl,
            JwksRefresh = refresh ?? TimeSpan.FromMinutes(10),
            ClockSkew = skew ?? TimeSpan.FromSeconds(30),
            Algorithms = algorithms.Count > 0 ? new ValueList<string>(algorithms) : new ValueList<string>(["RS256", "ES256"]),
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

    private static AccessLogConfig ReadAccessLog(ConfigNode? node)
    {
        if (node is null)
        {
            return new AccessLogConfig();
        }
        node.RejectUnknown("enabled", "path");
        return new AccessLogConfig { Enabled = node.Bool("enabled") ?? true, Path = node.String("path") ?? "stdout" };
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
