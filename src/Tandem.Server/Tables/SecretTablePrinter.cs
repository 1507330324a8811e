using Tandem.Model.CoreV1;

namespace Tandem.Server.Tables;

/// <summary>NAME TYPE DATA AGE, as upstream <c>printSecret</c>.</summary>
public static class SecretTablePrinter
{
    public static IReadOnlyList<TableColumn> Columns { get; } =
    [
        ObjectMetaDescriptions.NameColumn,
        TableColumn.Text("Type", "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types"),
        TableColumn.Text("Data", "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"),
        ObjectMetaDescriptions.AgeColumn,
    ];

    public static Table Print(IEnumerable<Secret> secrets, TimeProvider time, string? resourceVersion = null)
    {
        var now = time.GetUtcNow();
        return new Table(Columns, [.. secrets.Select(s => Row(s, now))]) { ResourceVersion = resourceVersion };
    }

    public static TableRow Row(Secret secret, DateTimeOffset now) => new(
        [
            secret.Metadata?.Name ?? "",
            secret.Type ?? "",
            (long)(secret.Data?.Count ?? 0),
            HumanDuration.Since(secret.Metadata?.CreationTimestamp, now),
        ],
        secret);
}
