using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;
using Tandem.Model.Serialization;

namespace Tandem.Model.Tests.Serialization;

public sealed class ObjectDecoderTests
{
    private static DecodeResult Decode(string json) => ObjectDecoder.Decode(JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void Decode_Pod_GivesTypedObject()
    {
        var result = Decode("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"main","image":"nginx","ports":[{"containerPort":80}]}]}}""");

        Assert.True(result.Succeeded);
        var pod = Assert.IsType<Pod>(Assert.Single(result.Objects).Object);
        Assert.Equal("web", pod.Metadata!.Name);
        Assert.Equal(80, pod.Spec!.Containers![0].Ports![0].Number);
    }

    [Fact]
    public void Decode_UnknownFields_AreAllReportedWithTheirPaths()
    {
        var result = Decode("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","lables":{}},"spec":{"containers":[{"name":"a","imagePullPolicyy":"Always"},{"name":"b","ports":[{"containerPort":1,"hostport":2}]}]}}""");

        Assert.Equal(
            [
                "unknown field \"metadata.lables\"",
                "unknown field \"spec.containers[0].imagePullPolicyy\"",
                "unknown field \"spec.containers[1].ports[0].hostport\"",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Objects);
    }

    [Fact]
    public void Decode_WrongTypes_NameTheFieldAndWhatWasExpected()
    {
        var result = Decode("""{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","image":5,"stdin":"yes","ports":[{"containerPort":"80"}],"env":[{"name":"X","value":true}],"resources":{"limits":{"cpu":"lots"}}}]}}""");

        Assert.Equal(
            [
                "spec.containers[0].image: Invalid value: 5: expected a string; YAML reads this unquoted value as a number, quote it",
                "spec.containers[0].stdin: Invalid value: \"yes\": expected true or false",
                "spec.containers[0].ports[0].containerPort: Invalid value: \"80\": expected an integer, not a string; remove the quotes",
                "spec.containers[0].env[0].value: Invalid value: true: expected a string; YAML reads this unquoted word as a boolean, quote it",
                "spec.containers[0].resources.limits[cpu]: Invalid value: \"lots\": " + Tandem.Model.Primitives.Quantity.FormatError,
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Decode_MissingKindOrApiVersion_IsRequired()
    {
        var result = Decode("""{"metadata":{"name":"x"}}""");

        Assert.Equal(
            ["apiVersion: Required value: every object needs apiVersion (for example apiVersion: v1, kind: Pod)",
             "kind: Required value: every object needs kind (for example apiVersion: v1, kind: Pod)"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Decode_KindTandemDoesNotServe_ListsTheKindsItDoes()
    {
        var result = Decode("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"x"}}""");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("kind: Unsupported value: \"Service\": supported values: \"Pod\"", error.ToString());
    }

    [Fact]
    public void Decode_OtherApiGroup_SaysOnlyCoreV1IsServed()
    {
        var error = Assert.Single(Decode("""{"apiVersion":"apps/v1","kind":"Deployment"}""").Errors);

        Assert.Equal("apiVersion", error.Field.ToString());
        Assert.Contains("core/v1 objects only", error.Detail);
    }

    [Fact]
    public void Decode_List_UnpacksItemsAndPrefixesTheirPaths()
    {
        var result = Decode("""{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"b"}},{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"nme":"x"}]}}]}""");

        Assert.Equal(["unknown field \"items[1].spec.containers[0].nme\""], result.Errors.Select(e => e.ToString()));

        var good = Decode("""{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}},{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"k":"dmFsdWU="}}]}""");
        Assert.Equal(2, good.Objects.Count);
        Assert.Equal("items[1]", good.Objects[1].PathPrefix!.ToString());
        Assert.Equal("value"u8.ToArray(), ((Secret)good.Objects[1].Object).Data!["k"]);
    }

    [Fact]
    public void Decode_SchedulingFields_AreAcceptedAsIs()
    {
        var result = Decode("""{"apiVersion":"v1","kind":"Pod","spec":{"nodeSelector":{"disk":"ssd"},"affinity":{"nodeAffinity":{}},"tolerations":[{"key":"k"}],"containers":[{"name":"a","image":"x"}]}}""");

        Assert.True(result.Succeeded);
        var pod = (Pod)result.Objects[0].Object;
        Assert.Equal("ssd", pod.Spec!.NodeSelector!["disk"]);
        Assert.NotNull(pod.Spec.Affinity);
    }

    [Fact]
    public void Decode_SecretDataThatIsNotBase64_IsInvalid()
    {
        var error = Assert.Single(Decode("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"k":"not base64!"}}""").Errors);

        Assert.Equal("data[k]: Invalid value: \"not base64!\": expected base64-encoded data", error.ToString());
    }
}
