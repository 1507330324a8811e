using System.Globalization;
using System.Text.Json;
using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Server.Storage;
using Tandem.Server.Tables;

namespace Tandem.Server.Resources;

/// <summary>Renders stored objects as a <c>meta.k8s.io/v1</c> Table with the kind's printer (spec 7): all columns, wide ones included.</summary>
internal static class TableOutput
{
    public static IncludeObject Include(string text) => text switch
    {
        "None" => IncludeObject.None,
        "Object" => IncludeObject.Object,
        _ => IncludeObject.Metadata,
    };

    public static Table Build(ResourceKind kind, IEnumerable<StoredObject> items, long? version, DateTimeOffset now) =>
        new(Columns(kind), [.. items.Select(s => Row(s.Object, now))])
        {
            ResourceVersion = version?.ToString(CultureInfo.InvariantCulture),
        };

    public static void Write(Utf8JsonWriter writer, ResourceKind kind, IEnumerable<StoredObject> items, long? version, DateTimeOffset now, IncludeObject include, bool includeColumns = true) =>
        TableJsonWriter.Write(writer, Build(kind, items, version, now), include, includeColumns);

    private static IReadOnlyList<TableColumn> Columns(ResourceKind kind) => kind.Resource switch
    {
        "pods" => PodTablePrinter.Columns,
        "events" => EventTablePrinter.Columns,
        "configmaps" => ConfigMapTablePrinter.Columns,
        "secrets" => SecretTablePrinter.Columns,
        _ => NamespaceTablePrinter.Columns,
    };

    private static TableRow Row(IKubernetesObject value, DateTimeOffset now) => value switch
    {
        Pod pod => PodTablePrinter.Row(pod, now),
        Event e => EventTablePrinter.Row(e, now),
        ConfigMap configMap => ConfigMapTablePrinter.Row(configMap, now),
        Secret secret => SecretTablePrinter.Row(secret, now),
        Namespace ns => NamespaceTablePrinter.Row(ns, now),
        _ => throw new ArgumentException($"no table printer for {value.Kind}", nameof(value)),
    };
}
