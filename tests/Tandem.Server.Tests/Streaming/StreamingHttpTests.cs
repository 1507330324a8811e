using System.Net;
using System.Text.Json;

namespace Tandem.Server.Tests.Streaming;

/// <summary>What the streaming routes answer before any upgrade, seen by a plain HTTP client.</summary>
public sealed class StreamingHttpTests
{
    [Theory]
    [InlineData("exec?command=true&stdout=true")]
    [InlineData("attach?stdout=true")]
    [InlineData("portforward")]
    public async Task RequestWithoutUpgrade_IsBadRequestUpgradeRequired(string subresource)
    {
        await using var host = await StreamingTestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Address };

        var response = await http.PostAsync($"/api/v1/namespaces/default/pods/web/{subresource}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Upgrade request required", status.RootElement.GetProperty("message").GetString());
        Assert.Equal("Status", status.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task SpdyWithNoCommonProtocol_IsForbiddenAndListsOurs()
    {
        await using var host = await StreamingTestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/namespaces/default/pods/web/exec?command=true&stdout=true");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new("SPDY", "3.1"));
        request.Headers.Add("X-Stream-Protocol-Version", "v9.channel.k8s.io");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("v4.channel.k8s.io", response.Headers.GetValues("X-Accepted-Stream-Protocol-Versions"));
    }

    [Fact]
    public async Task ExecWithoutCommand_IsBadRequest()
    {
        await using var host = await StreamingTestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/namespaces/default/pods/web/exec?stdout=true");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new("SPDY", "3.1"));
        request.Headers.Add("X-Stream-Protocol-Version", "v4.channel.k8s.io");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("you must specify at least one command for the container", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
