namespace Tandem.Node.Probing;

/// <summary>
/// The published results of one container instance's probes, as the decision and status functions read
/// them. Defaults follow the initial values of R23 as seen from outside the worker: startup not yet known,
/// liveness healthy, readiness not ready.
/// </summary>
public sealed record ProbeResults
{
    public static readonly ProbeResults Initial = new();

    public ProbeResult Startup { get; init; } = ProbeResult.Unknown;

    public ProbeResult Liveness { get; init; } = ProbeResult.Success;

    public ProbeResult Readiness { get; init; } = ProbeResult.Unknown;

    public ProbeResult Get(ProbeType type) => type switch
    {
        ProbeType.Startup => Startup,
        ProbeType.Liveness => Liveness,
        _ => Readiness,
    };

    public ProbeResults With(ProbeType type, ProbeResult result) => type switch
    {
        ProbeType.Startup => this with { Startup = result },
        ProbeType.Liveness => this with { Liveness = result },
        _ => this with { Readiness = result },
    };
}
