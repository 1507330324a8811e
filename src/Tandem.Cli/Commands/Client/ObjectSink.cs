using System.Text.Json.Nodes;
using Tandem.Cli.Api;
using Tandem.Cli.Printing;

namespace Tandem.Cli.Commands.Client;

/// <summary>Where <c>get</c> sends what it fetched: a table, JSON, YAML or names, for lists, single objects and watch events.</summary>
public sealed class ObjectSink(TextWriter output, OutputFormat format, TablePrintOptions table, ResourceType type, TimeProvider time)
{
    private readonly TablePrinter _table = new(output, table);
    private int _documents;

    /// <summary>How many objects (table rows, names or documents) have been printed.</summary>
    public int Count { get; private set; }

    public void PrintList(JsonObject list)
    {
        switch (format)
        {
            case OutputFormat.Table or OutputFormat.Wide:
                _table.Print(FallbackTable.From(list, time.GetUtcNow()));
                Count = _table.RowsPrinted;
                break;
            case OutputFormat.Name:
                PrintNames(ObjectPrinter.Items(list, type.Kind));
                break;
            default:
                var items = ObjectPrinter.Items(list, type.Kind).ToList();
                Document(ObjectPrinter.AsList(items));
                Count = items.Count;
                break;
        }
    }

    public void PrintItems(IReadOnlyList<JsonObject> items)
    {
        switch (format)
        {
            case OutputFormat.Table or OutputFormat.Wide:
                foreach (var item in items)
                {
                    _table.Print(FallbackTable.From(item, time.GetUtcNow()));
                }
                Count = _table.RowsPrinted;
                break;
            case OutputFormat.Name:
                PrintNames(items);
                break;
            default:
                if (items.Count == 1)
                {
                    Document(items[0]);
                }
                else if (items.Count > 1)
                {
                    Document(ObjectPrinter.AsList(items));
                }
                Count = items.Count;
                break;
        }
    }

    public void PrintWatched(JsonObject item)
    {
        switch (format)
        {
            case OutputFormat.Table or OutputFormat.Wide:
                _table.Print(FallbackTable.From(item, time.GetUtcNow()));
                break;
            case OutputFormat.Name:
                PrintNames([item]);
                break;
            default:
                Document(item);
                break;
        }
        output.Flush();
    }

    private void PrintNames(IEnumerable<JsonObject> items)
    {
        foreach (var item in items)
        {
            output.WriteLine(ObjectPrinter.Name(item, type.Kind));
            Count++;
        }
    }

    private void Document(JsonObject node)
    {
        output.Write(format == OutputFormat.Json ? ObjectPrinter.Json(node) : ObjectPrinter.YamlDocument(node, _documents == 0));
        _documents++;
    }
}
