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
}
