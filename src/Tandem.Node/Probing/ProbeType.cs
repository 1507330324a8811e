namespace Tandem.Node.Probing;

/// <summary>The three probe kinds of a container; one probe worker exists per (container, type) (R21).</summary>
public enum ProbeType
{
    Liveness,
    Readiness,
    Startup,
}
