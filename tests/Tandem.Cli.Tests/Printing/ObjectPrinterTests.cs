using System.Text.Json.Nodes;
using Tandem.Cli.Printing;

namespace Tandem.Cli.Tests.Printing;

public sealed class ObjectPrinterTests
{
    private static readonly JsonObject Pod = JsonNode.Parse("""
        {"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","labels":{"app":"web"}},
         "spec":{"containers":[{"name":"main","image":"busybox","ports":[{"containerPort":80}],"command":["sh","-c","echo 'yes'"]}]},
         "status":{"phase":"Running"}}
        """)!.AsObject();

    [Fact]
    public void Json_SortsKeysAndIndentsByFour_AsKubectl()
    {
        var json = ObjectPrinter.Json(Pod);

        Assert.StartsWith("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_IsBlockStyleWithSortedKeys_AndRoundTrips()
    {
        var yaml = ObjectPrinter.ToYaml(Pod);

        Assert.StartsWith("apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: web\n  name: web\nspec:\n  containers:\n  - command:\n", yaml, StringComparison.Ordinal);
        Assert.Contains("containerPort: 80\n", yaml, StringComparison.Ordinal);
        var back = Tandem.Model.Sources.ManifestReader.Read(yaml, "out.yaml");
        Assert.True(back.IsSuccess);
        Assert.True(JsonNode.DeepEquals(Pod, back.Documents[0].Content));
    }

    [Fact]
    public void SeveralObjects_AreAList_WithKindsFilledIn()
    {
        var list = JsonNode.Parse("""{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"7"},"items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}]}""")!.AsObject();

        var printed = ObjectPrinter.AsList(ObjectPrinter.Items(list, "Pod"));

        Assert.Equal("List", (string?)printed["kind"]);
        Assert.All(printed["items"]!.AsArray(), i => Assert.Equal("Pod", (string?)i!["kind"]));
        Assert.Equal(["pod/a", "pod/b"], printed["items"]!.AsArray().Select(i => ObjectPrinter.Name(i!.AsObject())));
    }
}
