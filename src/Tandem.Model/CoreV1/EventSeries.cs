using Tandem.Model.Primitives;

namespace Tandem.Model.CoreV1;

/// <summary>How often an event repeated.</summary>
public sealed record EventSeries
{
    public int? Count { get; init; }

    public MicroTime? LastObservedTime { get; init; }
}
