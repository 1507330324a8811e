using Tandem.Model.Validation;
using Tandem.Server.Http;

namespace Tandem.Server.Hosting;

/// <summary>
/// A core/v1 resource path split into its parts: <c>/api/v1[/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]</c>.
/// Names and namespaces are checked against their DNS rules before anything looks them up, so an encoded slash or a
/// <c>..</c> never reaches the store or the filesystem.
/// </summary>
internal sealed record RequestPath(string? Namespace, string Resource, string? Name, string? Subresource)
{
    /// <summary>The parsed path, or null when it is not a core/v1 resource path.</summary>
    public static RequestPath? Parse(string path)
    {
        if (!path.StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            return null;
        }
        if (path.Contains('%', StringComparison.Ordinal) || path.Contains("/../", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal))
        {
            // Kestrel leaves %2F encoded; no valid name contains '%' or a dot segment.
            throw Errors.BadRequest($"invalid path: {path}");
        }
        var segments = path["/api/v1/".Length..].TrimEnd('/').Split('/');
        if (segments.Length == 0 || segments.Any(s => s.Length == 0))
        {
            return null;
        }
        if (segments[0] == "namespaces" && segments.Length >= 3 && segments[2] is not ("status" or "finalize"))
        {
            var ns = Check(segments[1], isNamespace: true);
            return segments.Length switch
            {
                3 => new RequestPath(ns, segments[2], null, null),
                4 => new RequestPath(ns, segments[2], Check(segments[3], false), null),
                5 => new RequestPath(ns, segments[2], Check(segments[3], false), segments[4]),
                _ => null,
            };
        }
        return segments.Length switch
        {
            1 => new RequestPath(null, segments[0], null, null),
            2 => new RequestPath(null, segments[0], Check(segments[1], segments[0] == "namespaces"), null),
            3 => new RequestPath(null, segments[0], Check(segments[1], segments[0] == "namespaces"), segments[2]),
            _ => null,
        };
    }

    private static string Check(string name, bool isNamespace)
    {
        var problems = isNamespace ? NameRules.Dns1123Label(name) : NameRules.Dns1123Subdomain(name);
        if (problems.Count > 0)
        {
            throw Errors.BadRequest($"invalid {(isNamespace ? "namespace" : "name")} \"{name}\": {string.Join("; ", problems)}");
        }
        return name;
    }
}
