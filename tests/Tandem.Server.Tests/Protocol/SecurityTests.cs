using System.Net;
using Microsoft.AspNetCore.Http;
using Tandem.Server.Hosting;
using Tandem.Server.Tests.Support;

namespace Tandem.Server.Tests.Protocol;

/// <summary>Every refused request: missing or wrong token, non-loopback caller, oversized body, traversal in names; nothing changes.</summary>
public sealed class SecurityTests(ServerNode node) : IClassFixture<ServerNode>
{
    [NodeTheory]
    [InlineData(null, "/version")]
    [InlineData(null, "/api/v1/namespaces/default/pods")]
    [InlineData(null, "/api/v1/namespaces/default/pods/web/exec?command=sh")]
    [InlineData("wrong-token", "/api")]
    [InlineData("wrong-token", "/api/v1/namespaces/default/pods/web/log")]
    public async Task WithoutTheToken_EveryPathIs401Unauthorized(string? token, string path)
    {
        using var client = node.NewClient(token);
        var (code, body) = await Requests.GetAsync(client, path);
        Assert.Equal(401, code);
        Assert.Equal("Status", (string?)body["kind"]);
        Assert.Equal("Unauthorized", (string?)body["reason"]);
    }

    [Fact]
    public void RequestFromANonLoopbackAddress_Is403()
    {
        var guard = new RequestGuard(new ApiServerOptions { BearerToken = "t" });
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        context.Request.Headers.Authorization = "Bearer t";
        var refused = guard.Check(context);
        Assert.NotNull(refused);
        Assert.Equal(403, refused.Code);
        context.Connection.RemoteIpAddress = IPAddress.IPv6Loopback;
        Assert.Null(guard.Check(context));
    }

    [Fact]
    public async Task StartingOnANonLoopbackAddress_IsRefused()
    {
        var options = new ApiServerOptions { Listen = new IPEndPoint(IPAddress.Any, 0) };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ApiServer.StartAsync(options, null!, null, CancellationToken.None));
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [NodeTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OversizedBody_Is413AndCreatesNothing(bool withLength)
    {
        var data = new string('x', 4 * 1024 * 1024);
        var body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"huge\"},\"data\":{\"k\":\"" + data + "\"}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/namespaces/default/configmaps");
        request.Content = withLength ? Requests.Json(body) : new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
        // With a length the server answers before reading the body: wait for its answer as a client sending Expect does.
        request.Headers.ExpectContinue = withLength;
        if (!withLength)
        {
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.TransferEncodingChunked = true;
        }
        using var response = await node.Http.SendAsync(request);
        Assert.Equal(413, (int)response.StatusCode);
        Assert.Contains("RequestEntityTooLarge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (code, _) = await Requests.GetAsync(node.Http, "/api/v1/namespaces/default/configmaps/huge");
        Assert.Equal(404, code);
    }

    [NodeTheory]
    [InlineData("/api/v1/namespaces/default/pods/..%2F..%2Fetc/log")]
    [InlineData("/api/v1/namespaces/%2e%2e/pods/x/log")]
    [InlineData("/api/v1/namespaces/default/pods/x%2F..%2Fy/exec?command=true")]
    [InlineData("/api/v1/namespaces/..%2Fnode/pods")]
    public async Task EncodedTraversal_IsRefusedBeforeAnyLookup(string path)
    {
        var (code, body) = await Requests.GetAsync(node.Http, path);
        Assert.True(code is 400 or 404, $"{path}: {code} {body}");
        Assert.Equal("Status", (string?)body["kind"]);
    }

    [NodeFact]
    public async Task LogOfAContainerNamedWithTraversal_Is400()
    {
        var (created, _) = await Requests.SendAsync(node.Http, HttpMethod.Post, "/api/v1/namespaces/default/pods", node.PodJson("trav", "sleep 30"));
        Assert.Equal(201, created);
        var (code, body) = await Requests.GetAsync(node.Http, "/api/v1/namespaces/default/pods/trav/log?container=..%2F..%2F..%2Fetc%2Fpasswd");
        Assert.Equal(400, code);
        Assert.Equal("BadRequest", (string?)body["reason"]);
        await Requests.SendAsync(node.Http, HttpMethod.Delete, "/api/v1/namespaces/default/pods/trav", "{\"gracePeriodSeconds\":0}");
    }
}
