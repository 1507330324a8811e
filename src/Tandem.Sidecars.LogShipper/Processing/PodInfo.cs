using Tandem.Sidecars.LogShipper.Configuration;

namespace Tandem.Sidecars.LogShipper.Processing;

/// <summary>The pod the shipper runs in, added to every event (Kubernetes metadata for the sinks).</summary>
public sealed record PodInfo(string? Namespace, string? Name, string? Container, string? Node)
{
    /// <summary>Configured values win; the downward API's environment variables fill the rest.</summary>
    public static PodInfo Resolve(PodConfig config, Func<string, string?> environment) => new(
        config.Namespace ?? environment("POD_NAMESPACE"),
        config.Name ?? environment("POD_NAME"),
        config.Container ?? environment("CONTAINER_NAME"),
        config.Node ?? environment("NODE_NAME"));

    /// <summary>The known values under the names a sink uses for namespace, pod, container and node, in that order.</summary>
    public IEnumerable<(string Name, string Value)> Named(string @namespace, string pod, string container, string node) =>
        new (string Name, string? Value)[] { (@namespace, Namespace), (pod, Name), (container, Container), (node, Node) }
            .Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => (f.Name, f.Value!));
}
