using System.Text.Json.Nodes;
using Tandem.Cli.Printing;

namespace Tandem.Cli.Tests.Printing;

public sealed class TablePrinterTests
{
    // The shape the server sends for pods (spec §7): every column, wide ones with priority 1, and row objects.
    private static JsonObject PodTable(params (string Name, string Ns, string Ready, string Status, string Restarts, string Age, JsonObject? Labels)[] rows) => new()
    {
        ["kind"] = "Table",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["columnDefinitions"] = new JsonArray(
            Column("Name", 0), Column("Ready", 0), Column("Status", 0), Column("Restarts", 0), Column("Age", 0),
            Column("IP", 1), Column("Node", 1), Column("Nominated Node", 1), Column("Readiness Gates", 1)),
        ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
        {
            ["cells"] = new JsonArray(r.Name, r.Ready, r.Status, r.Restarts, r.Age, "10.88.0.5", "tandem", "<none>", "<none>"),
            ["object"] = new JsonObject { ["metadata"] = new JsonObject { ["name"] = r.Name, ["namespace"] = r.Ns, ["labels"] = r.Labels } },
        })]),
    };

    private static JsonObject Column(string name, int priority) => new() { ["name"] = name, ["type"] = "string", ["priority"] = priority };

    [Fact]
    public void DefaultOutput_HidesWideColumns_AndAlignsAsKubectl()
    {
        var output = new StringWriter();

        new TablePrinter(output, new TablePrintOptions()).Print(PodTable(
            ("web", "default", "2/2", "Running", "0", "16s", null),
            ("web2", "default", "0/2", "Pending", "0", "1s", null)));

        // Observed kubectl output for the same rows (spec §7).
        Assert.Equal(
            "NAME   READY   STATUS    RESTARTS   AGE\n" +
            "web    2/2     Running   0          16s\n" +
            "web2   0/2     Pending   0          1s\n",
            output.ToString());
    }

    [Fact]
    public void Wide_ShowsPriorityOneColumns()
    {
        var output = new StringWriter();

        new TablePrinter(output, new TablePrintOptions(Wide: true)).Print(PodTable(("web", "default", "2/2", "Running", "0", "16s", null)));

        Assert.Equal(
            "NAME   READY   STATUS    RESTARTS   AGE   IP          NODE     NOMINATED NODE   READINESS GATES\n" +
            "web    2/2     Running   0          16s   10.88.0.5   tandem   <none>           <none>\n",
            output.ToString());
    }

    [Fact]
    public void AllNamespacesAndShowLabels_ComeFromTheRowObjects()
    {
        var output = new StringWriter();

        new TablePrinter(output, new TablePrintOptions(WithNamespace: true, ShowLabels: true)).Print(PodTable(
            ("web", "team", "1/1", "Running", "0", "5s", new JsonObject { ["tier"] = "front", ["app"] = "web" }),
            ("db", "default", "1/1", "Running", "0", "5s", null)));

        var lines = output.ToString().Split('\n');
        Assert.StartsWith("NAMESPACE   NAME   READY", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("AGE   LABELS", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("team        web    1/1", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("app=web,tier=front", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("<none>", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void WatchEvents_PrintNoSecondHeader_AndKeepTheColumnsWidths()
    {
        var output = new StringWriter();
        var printer = new TablePrinter(output, new TablePrintOptions());

        printer.Print(PodTable(("web", "default", "2/2", "Running", "0", "2s", null)));
        // Later watch events carry only rows, no column definitions (the real server drops them after the first).
        var change = PodTable(("web2", "default", "2/2", "Terminating", "0", "3s", null));
        change.Remove("columnDefinitions");
        printer.Print(change);

        // Observed kubectl -w output (spec §8.2): the widths stay at least those of the header.
        Assert.Equal(
            "NAME   READY   STATUS    RESTARTS   AGE\n" +
            "web    2/2     Running   0          2s\n" +
            "web2   2/2     Terminating   0          3s\n",
            output.ToString());
    }
}
