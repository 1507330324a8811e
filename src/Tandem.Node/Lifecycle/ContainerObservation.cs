namespace Tandem.Node.Lifecycle;

/// <summary>
/// Everything observed about one spec container: its instances (oldest first) and the last start error.
/// A container with no instances and no failure has never been created.
/// </summary>
public sealed record ContainerObservation
{
    public required string Name { get; init; }

    public IReadOnlyList<ContainerInstance> Instances { get; init; } = [];

    public StartFailure? LastStartFailure { get; init; }

    /// <summary>The newest instance: what the kubelet's <c>FindContainerStatusByName</c> returns.</summary>
    public ContainerInstance? Latest => Instances.Count == 0 ? null : Instances[^1];

    /// <summary>The instance before <see cref="Latest"/>, which becomes <c>lastState</c> (R30: only the newest two count).</summary>
    public ContainerInstance? Previous => Instances.Count < 2 ? null : Instances[^2];

    /// <summary>The newest exited instance: its <c>finishedAt</c> is the back-off event time (R20, <c>doBackOff</c>).</summary>
    public ContainerInstance? LatestExited => Instances.LastOrDefault(i => i.IsExited);
}
