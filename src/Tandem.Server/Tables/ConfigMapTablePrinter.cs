using Tandem.Model.CoreV1;

namespace Tandem.Server.Tables;

/// <summary>NAME DATA AGE, as upstream <c>printConfigMap</c>; DATA counts both data and binaryData keys.</summary>
public static class ConfigMapTablePrinter
{
    public static IReadOnlyList<TableColumn> Columns { get; } =
    [
        ObjectMetaDescriptions.NameColumn,
        TableColumn.Text("Data", "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process."),
        ObjectMetaDescriptions.AgeColumn,
    ];

    public static Table Print(IEnumerable<ConfigMap> configMaps, TimeProvider time, string? resourceVersion = null)
    {
        var now = time.GetUtcNow();
        return new Table(Columns, [.. configMaps.Select(c => Row(c, now))]) { ResourceVersion = resourceVersion };
    }

    public static TableRow Row(ConfigMap configMap, DateTimeOffset now) => new(
        [
            configMap.Metadata?.Name ?? "",
            (long)((configMap.Data?.Count ?? 0) + (configMap.BinaryData?.Count ?? 0)),
            HumanDuration.Since(configMap.Metadata?.CreationTimestamp, now),
        ],
        configMap);
}
