using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Sources;

public sealed class SourceMapTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: app
            image: nginx
            ports:
            - containerPort: 80
          - name: sidecar
            image:
            args: ["--port", 9090]
          volumes: [{name: data, emptyDir: {}}]

        """;

    private static readonly FieldPath Containers = FieldPath.Root("spec").Child("containers");

    [Fact]
    public void Of_ScalarValues_GiveLineAndColumnOfTheValue()
    {
        var document = Reads.Document(Pod);
        var app = document.Content["spec"]!["containers"]![0]!;

        Assert.Equal("4:9", Reads.Position(document.Map.Of(document.Content["metadata"]!["name"]!)));
        Assert.Equal("8:12", Reads.Position(document.Map.Of(app["image"]!)));
        Assert.Equal("10:22", Reads.Position(document.Map.Of(app["ports"]![0]!["containerPort"]!)));
    }

    [Fact]
    public void Of_CollectionValues_GiveWhereTheyStart()
    {
        var document = Reads.Document(Pod);
        var containers = document.Content["spec"]!["containers"]!;

        Assert.Equal("1:1", Reads.Position(document.Map.Of(document.Content)));
        Assert.Equal("7:3", Reads.Position(document.Map.Of(containers)));
        Assert.Equal("7:5", Reads.Position(document.Map.Of(containers[0]!)));
        Assert.Equal("11:5", Reads.Position(document.Map.Of(containers[1]!)));
    }

    [Fact]
    public void Of_FlowItems_GiveTheirOwnColumns()
    {
        var document = Reads.Document(Pod);
        var args = document.Content["spec"]!["containers"]![1]!["args"]!;
        var volume = document.Content["spec"]!["volumes"]![0]!;

        Assert.Equal("13:12", Reads.Position(document.Map.Of(args[0]!)));
        Assert.Equal("13:22", Reads.Position(document.Map.Of(args[1]!)));
        Assert.Equal("14:20", Reads.Position(document.Map.Of(volume["name"]!)));
    }

    [Fact]
    public void OfKey_GivesTheKeyEvenWhenTheValueIsNull()
    {
        var document = Reads.Document(Pod);
        var sidecar = document.Content["spec"]!["containers"]![1]!.AsObject();

        Assert.Null(sidecar["image"]);
        Assert.Equal("12:5", Reads.Position(document.Map.OfKey(sidecar, "image")));
        Assert.Equal("11:5", Reads.Position(document.Map.OfKey(sidecar, "name")));
        Assert.Null(document.Map.OfKey(sidecar, "missing"));
    }

    [Fact]
    public void Of_NodeFromElsewhere_IsNull()
    {
        var document = Reads.Document(Pod);

        Assert.Null(document.Map.Of(System.Text.Json.Nodes.JsonValue.Create("web")));
    }

    [Fact]
    public void Locate_PresentValue_GivesTheValue()
    {
        var map = Reads.Document(Pod).Map;

        Assert.Equal("10:22", Reads.Position(map.Locate(Containers.Index(0).Child("ports").Index(0).Child("containerPort"))));
        Assert.Equal("7:5", Reads.Position(map.Locate(Containers.Index(0))));
        Assert.Equal("2:7", Reads.Position(map.Locate(FieldPath.Root("kind"))));
    }

    [Fact]
    public void Locate_NullValue_GivesItsKey()
    {
        var map = Reads.Document(Pod).Map;

        Assert.Equal("12:5", Reads.Position(map.Locate(Containers.Index(1).Child("image"))));
    }

    [Fact]
    public void Locate_NullListItem_GivesTheItem()
    {
        var map = Reads.Document("args:\n- a\n- ~\n- [x, null]\n").Map;
        var args = FieldPath.Root("args");

        Assert.Equal("3:3", Reads.Position(map.Locate(args.Index(1))));
        Assert.Equal("4:7", Reads.Position(map.Locate(args.Index(2).Index(1))));
        Assert.Equal("4:7", Reads.Position(map.Locate(args.Index(2).Index(1).Child("name"))));
    }

    [Fact]
    public void Locate_NullItemInAnAliasCopy_GivesTheAnchoredItem()
    {
        var map = Reads.Document("a: &x [1, ~]\nb: *x\n").Map;

        Assert.Equal("1:11", Reads.Position(map.Locate(FieldPath.Root("b").Index(1))));
    }

    [Fact]
    public void Locate_MissingField_GivesTheDeepestExistingAncestor()
    {
        var map = Reads.Document(Pod).Map;

        Assert.Equal("11:5", Reads.Position(map.Locate(Containers.Index(1).Child("resources", "limits", "cpu"))));
        Assert.Equal("7:3", Reads.Position(map.Locate(Containers.Index(5).Child("name"))));
        Assert.Equal("1:1", Reads.Position(map.Locate(FieldPath.Root("status").Child("phase"))));
    }

    [Fact]
    public void Locate_FieldBelowAScalar_GivesTheScalar()
    {
        var map = Reads.Document(Pod).Map;

        Assert.Equal("8:12", Reads.Position(map.Locate(Containers.Index(0).Child("image", "tag"))));
    }

    [Fact]
    public void Locate_MapKey_GivesTheEntryOrTheMap()
    {
        var map = Reads.Document("metadata:\n  labels:\n    app: web\n    tier:\n").Map;
        var labels = FieldPath.Root("metadata").Child("labels");

        Assert.Equal("3:10", Reads.Position(map.Locate(labels.Key("app"))));
        Assert.Equal("4:5", Reads.Position(map.Locate(labels.Key("tier"))));
        Assert.Equal("3:5", Reads.Position(map.Locate(labels.Key("missing"))));
    }

    [Fact]
    public void Locate_EmptyDocumentStart_IsTheDocumentSeparator()
    {
        var result = Tandem.Model.Sources.ManifestReader.Read("a: 1\n---\nb: 2\n", Reads.File);

        Assert.Equal("2:1", Reads.Position(result.Documents[1].Start));
        Assert.Equal("3:4", Reads.Position(result.Documents[1].Map.Locate(FieldPath.Root("b"))));
    }
}
