using Tandem.Model.CoreV1;

namespace Tandem.Server.Tables;

/// <summary>The event table of <c>kubectl get events</c>, as upstream <c>printEvent</c> in its wide form.</summary>
public static class EventTablePrinter
{
    public static IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.Text("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
        TableColumn.Text("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
        TableColumn.Text("Reason", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
        TableColumn.Text("Object", "The object that this event is about."),
        TableColumn.Text("Subobject", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.", 1),
        TableColumn.Text("Source", "The component reporting this event. Should be a short machine understandable string.", 1),
        TableColumn.Text("Message", "A human-readable description of the status of this operation."),
        TableColumn.Text("First Seen", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", 1),
        TableColumn.Text("Count", "The number of times this event has occurred.", 1),
        new TableColumn("Name", "string", "name", ObjectMetaDescriptions.Name, 1),
    ];

    public static Table Print(IEnumerable<Event> events, TimeProvider time, string? resourceVersion = null)
    {
        var now = time.GetUtcNow();
        return new Table(Columns, [.. events.Select(e => Row(e, now))]) { ResourceVersion = resourceVersion };
    }

    public static TableRow Row(Event e, DateTimeOffset now)
    {
        var firstSeen = IsSet(e.FirstTimestamp)
            ? HumanDuration.Since(e.FirstTimestamp, now)
            : HumanDuration.Since(e.EventTime?.Value, now);
        var lastSeen = IsSet(e.LastTimestamp) ? HumanDuration.Since(e.LastTimestamp, now) : firstSeen;
        long count = e.Count ?? 0;
        if (e.Series is { } series)
        {
            lastSeen = HumanDuration.Since(series.LastObservedTime?.Value, now);
            count = series.Count ?? 0;
        }
        else if (count == 0)
        {
            // Events of the events.k8s.io API are singletons without a count.
            count = 1;
        }
        var involved = e.InvolvedObject;
        var kind = (involved?.Kind ?? "").ToLowerInvariant();
        var target = string.IsNullOrEmpty(involved?.Name) ? kind : $"{kind}/{involved.Name}";
        object[] cells =
        [
            lastSeen,
            e.Type ?? "",
            e.Reason ?? "",
            target,
            involved?.FieldPath ?? "",
            Source(e),
            (e.Message ?? "").Trim(),
            firstSeen,
            count,
            e.Metadata?.Name ?? "",
        ];
        return new TableRow(cells, e);
    }

    private static bool IsSet(DateTimeOffset? timestamp) => timestamp is { } value && value != default;

    private static string Source(Event e)
    {
        var component = FirstNonEmpty(e.Source?.Component, e.ReportingComponent);
        var instance = FirstNonEmpty(e.Source?.Host, e.ReportingInstance);
        return instance.Length == 0 ? component : $"{component}, {instance}";
    }

    private static string FirstNonEmpty(string? first, string? second) => !string.IsNullOrEmpty(first) ? first : second ?? "";
}
