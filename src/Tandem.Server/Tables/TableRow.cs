namespace Tandem.Server.Tables;

/// <summary>
/// One row: its cells (strings, or <see cref="long"/> for integer columns) and the object it shows, which is
/// written as metadata, in full or not at all depending on <see cref="IncludeObject"/>. The object is an
/// <see cref="Tandem.Model.Meta.IKubernetesObject"/> or a <see cref="System.Text.Json.Nodes.JsonObject"/>.
/// </summary>
public sealed record TableRow(IReadOnlyList<object> Cells, object? Object, IReadOnlyList<TableRowCondition>? Conditions = null);
