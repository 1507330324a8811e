using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Cli.Printing;

/// <summary>
/// Prints <c>meta.k8s.io/v1</c> Table responses as <c>kubectl get</c> does: upper-case headers, priority &gt; 0 columns
/// only with <c>-o wide</c>, a NAMESPACE column for <c>-A</c> and a LABELS column for <c>--show-labels</c> (both
/// taken from the row's object), aligned with kubectl's tabwriter settings (min width 6, padding 3).
/// </summary>
public sealed class TablePrinter(TextWriter output, TablePrintOptions options)
{
    private readonly TabAligner _aligner = new(output, minWidth: 6, padding: 3, rememberWidths: true);
    private JsonArray? _columns;
    private bool _headerPrinted;

    public int RowsPrinted { get; private set; }

    /// <summary>Prints the rows of one Table (a list, a single object or one watch event); the header once, before the first row.</summary>
    public void Print(JsonObject table)
    {
        if (table["columnDefinitions"] is JsonArray { Count: > 0 } columns)
        {
            _columns = columns;
        }
        if (_columns is null || table["rows"] is not JsonArray rows || rows.Count == 0)
        {
            return;
        }
        var visible = VisibleColumns(_columns);
        if (!_headerPrinted && !options.NoHeaders)
        {
            var header = new List<string>();
            if (options.WithNamespace)
            {
                header.Add("NAMESPACE");
            }
            header.AddRange(visible.Select(c => ((string?)_columns[c]?["name"] ?? "").ToUpperInvariant()));
            if (options.ShowLabels)
            {
                header.Add("LABELS");
            }
            _aligner.WriteLine(string.Join('\t', header));
        }
        _headerPrinted = true;
        foreach (var row in rows.OfType<JsonObject>())
        {
            var cells = row["cells"] as JsonArray ?? [];
            var line = new List<string>();
            var metadata = row["object"]?["metadata"] as JsonObject;
            if (options.WithNamespace)
            {
                line.Add((string?)metadata?["namespace"] ?? "");
            }
            line.AddRange(visible.Select(c => Cell(c < cells.Count ? cells[c] : null)));
            if (options.ShowLabels)
            {
                line.Add(Labels(metadata?["labels"] as JsonObject));
            }
            _aligner.WriteLine(string.Join('\t', line));
            RowsPrinted++;
        }
        _aligner.Flush();
    }

    /// <summary>kubectl's <c>--show-labels</c> cell: <c>k=v</c> pairs sorted by key, or <c>&lt;none&gt;</c>.</summary>
    public static string Labels(JsonObject? labels) =>
        labels is null || labels.Count == 0
            ? "<none>"
            : string.Join(',', labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={(string?)p.Value}"));

    private List<int> VisibleColumns(JsonArray columns)
    {
        var visible = new List<int>();
        for (var i = 0; i < columns.Count; i++)
        {
            var priority = columns[i]?["priority"] is JsonValue p && p.TryGetValue<int>(out var value) ? value : 0;
            if (priority == 0 || options.Wide)
            {
                visible.Add(i);
            }
        }
        return visible;
    }

    private static string Cell(JsonNode? cell) => cell switch
    {
        null => "<none>",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => (string?)value ?? "",
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValueKind() == JsonValueKind.True ? "true" : "false",
        _ => cell.ToJsonString(),
    };
}
