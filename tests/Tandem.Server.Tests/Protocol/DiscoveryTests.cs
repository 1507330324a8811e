using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Tandem.Server.Tests.Support;

namespace Tandem.Server.Tests.Protocol;

public sealed class DiscoveryTests(ServerNode node) : IClassFixture<ServerNode>
{
    private const string V2Accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    private const string V2Beta1Accept = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    [NodeFact]
    public async Task Version_ReportsPlainGitVersionAndMinor33()
    {
        var (code, body) = await Requests.GetAsync(node.Http, "/version?timeout=32s");
        Assert.Equal(200, code);
        Assert.Equal("33", (string?)body["minor"]);
        Assert.Equal("v1.33.0", (string?)body["gitVersion"]);
    }

    [NodeTheory]
    [InlineData(V2Accept, "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", "apidiscovery.k8s.io/v2")]
    [InlineData(V2Beta1Accept, "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList", "apidiscovery.k8s.io/v2beta1")]
    public async Task Api_WithAggregatedAccept_AnswersTheNewestVersionTheClientListed(string accept, string contentType, string apiVersion)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api?timeout=32s");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await node.Http.SendAsync(request);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString().Replace(" ", "", StringComparison.Ordinal));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(apiVersion, (string?)body["apiVersion"]);
        var resources = body["items"]![0]!["versions"]![0]!["resources"]!.AsArray().Select(r => (string?)r!["resource"]).ToList();
        Assert.Contains("pods", resources);
        Assert.Contains("services", resources);
    }

    [NodeFact]
    public async Task Api_WithPlainAccept_AnswersLegacyVersionsAndApisIsAnEmptyGroupList()
    {
        var (code, api) = await Requests.GetAsync(node.Http, "/api", "application/json, */*");
        Assert.Equal(200, code);
        Assert.Equal("APIVersions", (string?)api["kind"]);
        var (apisCode, apis) = await Requests.GetAsync(node.Http, "/apis", "application/json, */*");
        Assert.Equal(200, apisCode);
        Assert.Empty(apis["groups"]!.AsArray());
        var (_, v1) = await Requests.GetAsync(node.Http, "/api/v1");
        var names = v1["resources"]!.AsArray().Select(r => (string?)r!["name"]).ToList();
        Assert.Contains("pods/log", names);
        Assert.Contains("pods/exec", names);
        Assert.Contains("namespaces", names);
    }

    [NodeFact]
    public async Task OpenApiV2_IsAnEmptyProtobufWithAParseableContentType()
    {
        using var response = await node.Http.GetAsync("/openapi/v2?timeout=32s");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/com.github.proto-openapi.spec.v2.v1.0+protobuf", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [NodeFact]
    public async Task OpenApiV3_AdvertisesFieldValidationWithoutRequestBody()
    {
        var (_, paths) = await Requests.GetAsync(node.Http, "/openapi/v3");
        var url = (string?)paths["paths"]!["api/v1"]!["serverRelativeURL"];
        var (code, document) = await Requests.GetAsync(node.Http, url!);
        Assert.Equal(200, code);
        var patch = document["paths"]!["/api/v1/namespaces/{namespace}/pods/{name}"]!["patch"]!;
        Assert.Equal("fieldValidation", (string?)patch["parameters"]![0]!["name"]);
        Assert.Null(patch["requestBody"]);
    }

    [NodeFact]
    public async Task UnknownPath_IsA404Status()
    {
        var (code, body) = await Requests.GetAsync(node.Http, "/apis/apps/v1/deployments");
        Assert.Equal(404, code);
        Assert.Equal("Status", (string?)body["kind"]);
        Assert.Equal("NotFound", (string?)body["reason"]);
        _ = new MediaTypeHeaderValue("application/json");
    }
}
