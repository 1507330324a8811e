using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Primitives;
using Tandem.Server.Tables;

namespace Tandem.Server.Tests.Tables;

public sealed class OtherTablePrinterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Event Scheduled = new()
    {
        Metadata = new ObjectMeta { Name = "web.18ea25c9a1dbc900", Namespace = "default" },
        InvolvedObject = new ObjectReference { Kind = "Pod", Name = "web", FieldPath = "spec.containers{nginx}" },
        Reason = "Scheduled",
        Message = "  Successfully assigned default/web to node1\n",
        Source = new EventSource { Component = "kubelet", Host = "node1" },
        FirstTimestamp = Now.AddSeconds(-70),
        LastTimestamp = Now.AddSeconds(-63),
        Count = 2,
        Type = "Normal",
    };

    [Fact]
    public void Event_HasTheTenWideCells()
    {
        var row = EventTablePrinter.Row(Scheduled, Now);
        Assert.Equal(["63s", "Normal", "Scheduled", "pod/web", "spec.containers{nginx}", "kubelet, node1",
            "Successfully assigned default/web to node1", "70s", 2L, "web.18ea25c9a1dbc900"], row.Cells);
        Assert.Equal(["Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name"],
            EventTablePrinter.Columns.Select(c => c.Name));
        Assert.Equal([0, 0, 0, 0, 1, 1, 0, 1, 1, 1], EventTablePrinter.Columns.Select(c => c.Priority));
    }

    [Fact]
    public void Event_FallsBackToEventTimeReportingFieldsAndCountOne()
    {
        var e = new Event
        {
            InvolvedObject = new ObjectReference { Kind = "Node" },
            EventTime = new MicroTime(Now.AddSeconds(-5)),
            ReportingComponent = "tandem",
        };
        var cells = EventTablePrinter.Row(e, Now).Cells;
        Assert.Equal("5s", cells[0]);
        Assert.Equal("node", cells[3]);
        Assert.Equal("tandem", cells[5]);
        Assert.Equal(1L, cells[8]);
    }

    [Fact]
    public void Event_SeriesGivesLastSeenAndCount()
    {
        var e = Scheduled with { Series = new EventSeries { Count = 7, LastObservedTime = new MicroTime(Now.AddSeconds(-3)) } };
        var cells = EventTablePrinter.Row(e, Now).Cells;
        Assert.Equal("3s", cells[0]);
        Assert.Equal(7L, cells[8]);
    }

    [Fact]
    public void ConfigMap_CountsDataAndBinaryData()
    {
        var cm = new ConfigMap
        {
            Metadata = new ObjectMeta { Name = "cfg", CreationTimestamp = Now.AddHours(-3) },
            Data = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" },
            BinaryData = new Dictionary<string, byte[]> { ["c"] = [1] },
        };
        Assert.Equal(["cfg", 3L, "3h"], ConfigMapTablePrinter.Row(cm, Now).Cells);
        Assert.Equal(["Name", "Data", "Age"], ConfigMapTablePrinter.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Secret_ShowsTypeAndDataCount()
    {
        var secret = new Secret { Metadata = new ObjectMeta { Name = "s", CreationTimestamp = Now.AddDays(-3) }, Type = "Opaque", Data = new Dictionary<string, byte[]> { ["k"] = [1] } };
        Assert.Equal(["s", "Opaque", 1L, "3d"], SecretTablePrinter.Row(secret, Now).Cells);
        Assert.Equal(["Name", "Type", "Data", "Age"], SecretTablePrinter.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Namespace_ShowsPhase()
    {
        var ns = new Namespace { Metadata = new ObjectMeta { Name = "default" }, Status = new NamespaceStatus { Phase = "Active" } };
        Assert.Equal(["default", "Active", "<unknown>"], NamespaceTablePrinter.Row(ns, Now).Cells);
        Assert.Equal(["Name", "Status", "Age"], NamespaceTablePrinter.Columns.Select(c => c.Name));
    }
}
