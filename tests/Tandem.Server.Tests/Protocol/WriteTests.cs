using System.Text.Json.Nodes;
using Tandem.Server.Tests.Support;

namespace Tandem.Server.Tests.Protocol;

/// <summary>Status shapes of refused writes, fieldValidation, optimistic concurrency, pods/status and events over HTTP.</summary>
public sealed class WriteTests(ServerNode node) : IClassFixture<ServerNode>
{
    private const string Pods = "/api/v1/namespaces/writes/pods";

    [NodeFact]
    public async Task InvalidPod_Is422WithFieldCauses()
    {
        var body = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"bad\"},\"spec\":{\"containers\":[{\"name\":\"main\"}]}}";
        var (code, status) = await Requests.SendAsync(node.Http, HttpMethod.Post, Pods, body);
        Assert.Equal(422, code);
        Assert.Equal("Invalid", (string?)status["reason"]);
        Assert.Equal("Pod", (string?)status["details"]!["kind"]);
        Assert.Equal("bad", (string?)status["details"]!["name"]);
        var cause = status["details"]!["causes"]![0]!;
        Assert.Equal("FieldValueRequired", (string?)cause["reason"]);
        Assert.Equal("spec.containers[0].image", (string?)cause["field"]);
        // kubectl prints "The Pod ..." from details; the message itself is the apiserver's.
        Assert.Equal("Pod \"bad\" is invalid: spec.containers[0].image: Required value", (string?)status["message"]);
    }

    [NodeFact]
    public async Task UnknownField_IsRefusedWhenStrict_AndAWarningWhenWarn()
    {
        var body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"fv\"},\"data\":{\"a\":\"b\"},\"bogus\":1}";
        var (strict, status) = await Requests.SendAsync(node.Http, HttpMethod.Post, "/api/v1/namespaces/writes/configmaps?fieldValidation=Strict", body);
        Assert.Equal(400, strict);
        Assert.Equal("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: unknown field \"bogus\"", (string?)status["message"]);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/namespaces/writes/configmaps?fieldValidation=Warn") { Content = Requests.Json(body) };
        using var response = await node.Http.SendAsync(request);
        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal("299 - \"unknown field \\\"bogus\\\"\"", Assert.Single(response.Headers.GetValues("Warning")));
    }

    [NodeFact]
    public async Task BodyNamespaceOtherThanThePath_Is400()
    {
        var body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\",\"namespace\":\"elsewhere\"}}";
        var (code, status) = await Requests.SendAsync(node.Http, HttpMethod.Post, "/api/v1/namespaces/writes/configmaps", body);
        Assert.Equal(400, code);
        Assert.Equal("the namespace of the provided object does not match the namespace sent on the request", (string?)status["message"]);
    }

    [NodeFact]
    public async Task PutWithAStaleResourceVersion_Is409Conflict_AndAFreshOneUpdates()
    {
        var (created, first) = await Requests.SendAsync(node.Http, HttpMethod.Post, "/api/v1/namespaces/writes/configmaps",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cas\"},\"data\":{\"n\":\"1\"}}");
        Assert.Equal(201, created);
        first["data"]!["n"] = "2";
        var (updated, second) = await Requests.SendAsync(node.Http, HttpMethod.Put, "/api/v1/namespaces/writes/configmaps/cas", first.ToJsonString());
        Assert.Equal(200, updated);
        Assert.NotEqual((string?)first["metadata"]!["resourceVersion"], (string?)second["metadata"]!["resourceVersion"]);
        first["data"]!["n"] = "3";
        var (conflict, status) = await Requests.SendAsync(node.Http, HttpMethod.Put, "/api/v1/namespaces/writes/configmaps/cas", first.ToJsonString());
        Assert.Equal(409, conflict);
        Assert.Equal("Conflict", (string?)status["reason"]);
        Assert.Equal("Operation cannot be fulfilled on configmaps \"cas\": the object has been modified; please apply your changes to the latest version and try again", (string?)status["message"]);
    }

    [NodeFact]
    public async Task ApplyWithoutFieldManager_Is422()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/namespaces/writes/configmaps/ssa")
        {
            Content = Requests.Json("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"ssa\"}}", "application/apply-patch+yaml"),
        };
        using var response = await node.Http.SendAsync(request);
        Assert.Equal(422, (int)response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch", (string?)status["message"]);
    }

    [NodeFact]
    public async Task Events_CanBeCreatedListedBySelectorAndDeleted()
    {
        var body = "{\"apiVersion\":\"v1\",\"kind\":\"Event\",\"metadata\":{\"name\":\"custom.1\"},\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"thing\",\"namespace\":\"writes\",\"uid\":\"u-1\"}," +
            "\"reason\":\"Custom\",\"message\":\"hello\",\"type\":\"Normal\",\"count\":1}";
        var (created, _) = await Requests.SendAsync(node.Http, HttpMethod.Post, "/api/v1/namespaces/writes/events", body);
        Assert.Equal(201, created);
        var (_, list) = await Requests.GetAsync(node.Http, "/api/v1/namespaces/writes/events?fieldSelector=involvedObject.uid%3Du-1%2CinvolvedObject.name%3Dthing%2CinvolvedObject.namespace%3Dwrites");
        Assert.Equal("hello", (string?)Assert.Single(list["items"]!.AsArray())!["message"]);
        var (deleted, _) = await Requests.SendAsync(node.Http, HttpMethod.Delete, "/api/v1/namespaces/writes/events/custom.1");
        Assert.Equal(200, deleted);
        Assert.Equal(404, (await Requests.GetAsync(node.Http, "/api/v1/namespaces/writes/events/custom.1")).Code);
    }

    [NodeFact]
    public async Task PodStatus_IsReadableAsASubresource_AndGetOfAMissingPodIsA404WithDetails()
    {
        var (created, _) = await Requests.SendAsync(node.Http, HttpMethod.Post, Pods, node.PodJson("st", "sleep 30", "writes", grace: 1));
        Assert.Equal(201, created);
        var (code, pod) = await Requests.GetAsync(node.Http, Pods + "/st/status");
        Assert.Equal(200, code);
        Assert.Equal("Pod", (string?)pod["kind"]);
        Assert.NotNull(pod["status"]!["phase"]);
        var (missing, status) = await Requests.GetAsync(node.Http, Pods + "/nope");
        Assert.Equal(404, missing);
        Assert.Equal("pods \"nope\" not found", (string?)status["message"]);
        Assert.Equal("pods", (string?)status["details"]!["kind"]);
        await Requests.SendAsync(node.Http, HttpMethod.Delete, Pods + "/st", "{\"gracePeriodSeconds\":0}");
    }
}
