namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>Reads the <c>auth</c> section: API keys (hashes only) and the JWT issuer, audiences and keys.</summary>
internal static class AuthReader
{
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static AuthConfig? Read(ConfigNode? node, FileChecks files)
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
            Jwt = Jwt(node.Map("jwt"), files),
        };
    }

    private static JwtConfig? Jwt(ConfigNode? node, FileChecks files)
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
        var jwksUrl = ConfigParser.HttpUrl(node, "jwksUrl", node.String("jwksUrl"));
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
}
