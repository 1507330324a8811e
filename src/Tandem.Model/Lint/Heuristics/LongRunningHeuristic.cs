using System.Text.RegularExpressions;
using Tandem.Model.Images;

namespace Tandem.Model.Lint.Heuristics;

/// <summary>
/// Guesses whether a container is a long-running helper (a server, a log tailer, a loop) rather
/// than work that ends. Conservative on purpose: it answers only on strong evidence, because a
/// wrong "long-running" turns into an error about a pod that would in fact complete.
/// </summary>
public static partial class LongRunningHeuristic
{
    // Images whose default entrypoint is a server that never exits by itself. Only used when the
    // container sets no command, since a command replaces the entrypoint.
    private static readonly HashSet<string> ServerImages = new(StringComparer.Ordinal)
    {
        "library/nginx", "nginxinc/nginx-unprivileged", "library/httpd", "library/haproxy", "library/caddy",
        "library/traefik", "library/redis", "library/memcached", "envoyproxy/envoy", "fluent/fluent-bit",
        "fluent/fluentd", "timberio/vector", "grafana/promtail", "grafana/alloy", "otel/opentelemetry-collector",
        "otel/opentelemetry-collector-contrib", "cloudsql-docker/gce-proxy", "cloud-sql-connectors/cloud-sql-proxy",
        "istio/proxyv2", "linkerd/proxy", "prom/statsd-exporter", "prom/node-exporter", "oauth2-proxy/oauth2-proxy",
    };

    /// <summary>Why <paramref name="container"/> looks long-running, or null when there is no strong sign.</summary>
    public static string? Reason(PodContainer container)
    {
        var c = container.Container;
        if (c.ReadinessProbe is not null)
        {
            return "it has a readinessProbe";
        }
        if (c.LivenessProbe is not null)
        {
            return "it has a livenessProbe";
        }
        if (c.Ports is { Count: > 0 } ports && ports[0].Number is { } port)
        {
            return $"it listens on port {port}";
        }
        var commandLine = ContainerText.CommandLine(container);
        if (ForeverCommand().Match(commandLine) is { Success: true } match)
        {
            return $"its command runs \"{match.Value.Trim()}\"";
        }
        if (c.Command is null or { Count: 0 }
            && ImageReference.TryParse(c.Image) is { } image
            && ServerImages.Contains(image.Repository))
        {
            return $"its image {c.Image} runs a server";
        }
        return null;
    }

    // tail -f/-F and --follow, sleep infinity (or hours, days, 10,000+ seconds), endless shell loops, and the common servers.
    [GeneratedRegex(
        @"\btail\b[^|;&]*?\s(?:-[a-zA-Z]*[fF]\b|--follow)|\bsleep\s+(?:inf(?:inity)?|\d{5,}|\d+[hd])\b|\bwhile\s+(?:true|:|\[\s*1\s*\])\s*;?\s*do\b|\bfor\s*\(\(\s*;\s*;\s*\)\)|\b(?:nginx|httpd|envoy|haproxy|fluent-bit|fluentd|redis-server|socat\b.*\bfork|http\.server|caddy\s+run)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ForeverCommand();
}
