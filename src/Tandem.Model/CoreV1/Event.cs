using Tandem.Model.Meta;
using Tandem.Model.Primitives;

namespace Tandem.Model.CoreV1;

/// <summary>A report of something that happened to an object (core/v1 Event).</summary>
public sealed record Event : IKubernetesObject
{
    public const string KindName = "Event";

    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = KindName;

    public ObjectMeta? Metadata { get; init; }

    public ObjectReference? InvolvedObject { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public EventSource? Source { get; init; }

    public DateTimeOffset? FirstTimestamp { get; init; }

    public DateTimeOffset? LastTimestamp { get; init; }

    public int? Count { get; init; }

    public string? Type { get; init; }

    public MicroTime? EventTime { get; init; }

    public EventSeries? Series { get; init; }

    public string? Action { get; init; }

    public ObjectReference? Related { get; init; }

    public string? ReportingComponent { get; init; }

    public string? ReportingInstance { get; init; }
}
