using Tandem.Model.CoreV1;

namespace Tandem.Server.Tables;

/// <summary>NAME STATUS AGE, as upstream <c>printNamespace</c>.</summary>
public static class NamespaceTablePrinter
{
    public static IReadOnlyList<TableColumn> Columns { get; } =
    [
        ObjectMetaDescriptions.NameColumn,
        TableColumn.Text("Status", "The status of the namespace"),
        ObjectMetaDescriptions.AgeColumn,
    ];

    public static Table Print(IEnumerable<Namespace> namespaces, TimeProvider time, string? resourceVersion = null)
    {
        var now = time.GetUtcNow();
        return new Table(Columns, [.. namespaces.Select(n => Row(n, now))]) { ResourceVersion = resourceVersion };
    }

    public static TableRow Row(Namespace ns, DateTimeOffset now) => new(
        [ns.Metadata?.Name ?? "", ns.Status?.Phase ?? "", HumanDuration.Since(ns.Metadata?.CreationTimestamp, now)],
        ns);
}
