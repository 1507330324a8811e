namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>
/// Where the events come from, added to every event. Unset values are read from the environment
/// (<c>POD_NAMESPACE</c>, <c>POD_NAME</c>, <c>CONTAINER_NAME</c>, <c>NODE_NAME</c>), which the
/// downward API fills in a pod spec.
/// </summary>
public sealed record PodConfig
{
    public string? Namespace { get; init; }

    public string? Name { get; init; }

    public string? Container { get; init; }

    public string? Node { get; init; }
}
