namespace Tandem.Server.Tables;

/// <summary>A <c>meta.k8s.io/v1</c> Table: what the API server answers when the client's Accept asks for <c>as=Table</c>.</summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows)
{
    public string? ResourceVersion { get; init; }

    public string? Continue { get; init; }

    public long? RemainingItemCount { get; init; }
}
