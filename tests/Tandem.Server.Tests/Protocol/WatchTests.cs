using System.Text.Json.Nodes;
using Tandem.Server.Tests.Support;

namespace Tandem.Server.Tests.Protocol;

/// <summary>Watch over HTTP: replay from a list's version, selectors, bookmarks, timeoutSeconds, Table events.</summary>
public sealed class WatchTests(ServerNode node) : IClassFixture<ServerNode>
{
    private static string ConfigMap(string name, string app) =>
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"" + app + "\"}},\"data\":{\"k\":\"v\"}}";

    private async Task<List<JsonObject>> ReadEventsAsync(string path, int count, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await node.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
        Assert.Equal(200, (int)response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(limit.Token));
        var events = new List<JsonObject>();
        while (events.Count < count && await reader.ReadLineAsync(limit.Token) is { } line)
        {
            events.Add(JsonNode.Parse(line)!.AsObject());
        }
        return events;
    }

    [NodeFact]
    public async Task WatchFromTheListVersion_SeesChangesMadeInBetweenFilteredByLabel()
    {
        var ns = "watch-replay";
        await Requests.SendAsync(node.Http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("first", "web"));
        var (_, list) = await Requests.GetAsync(node.Http, $"/api/v1/namespaces/{ns}/configmaps?labelSelector=app%3Dweb");
        var version = (string?)list["metadata"]!["resourceVersion"];
        await Requests.SendAsync(node.Http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("other", "db"));
        await Requests.SendAsync(node.Http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("second", "web"));
        await Requests.SendAsync(node.Http, HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/first");
        var events = await ReadEventsAsync($"/api/v1/namespaces/{ns}/configmaps?labelSelector=app%3Dweb&resourceVersion={version}&watch=true", 2);
        Assert.Equal(["ADDED second", "DELETED first"], events.Select(e => $"{e["type"]} {e["object"]!["metadata"]!["name"]}"));
        Assert.Equal("ConfigMap", (string?)events[0]["object"]!["kind"]);
    }

    [NodeFact]
    public async Task WatchWithBookmarks_GetsABookmarkWhenIdle_AndEndsAtTimeoutSeconds()
    {
        var started = DateTimeOffset.UtcNow;
        var events = await ReadEventsAsync("/api/v1/namespaces/nothing-here/pods?allowWatchBookmarks=true&resourceVersion=0&watch=true&timeoutSeconds=3", 10);
        var bookmark = Assert.Single(events.Where(e => (string?)e["type"] == "BOOKMARK").Take(1));
        Assert.Equal("Pod", (string?)bookmark["object"]!["kind"]);
        Assert.NotNull(bookmark["object"]!["metadata"]!["resourceVersion"]);
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
    }

    [NodeFact]
    public async Task WatchAsTable_SendsOneRowTablesWithColumnsInTheFirstOnly()
    {
        var ns = "watch-table";
        await Requests.SendAsync(node.Http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("a", "x"));
        await Requests.SendAsync(node.Http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("b", "x"));
        var events = await ReadEventsAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true", 2, Requests.TableAccept);
        Assert.All(events, e => Assert.Equal("Table", (string?)e["object"]!["kind"]));
        Assert.NotEmpty(events[0]["object"]!["columnDefinitions"]!.AsArray());
        Assert.Equal("a", (string?)events[0]["object"]!["rows"]![0]!["cells"]![0]);
        Assert.Equal("PartialObjectMetadata", (string?)events[1]["object"]!["rows"]![0]!["object"]!["kind"]);
    }

    [NodeFact]
    public async Task WatchFromAFutureVersion_SendsNothingAndEndsAtTimeoutSeconds()
    {
        var (_, list) = await Requests.GetAsync(node.Http, "/api/v1/namespaces/default/configmaps");
        var version = long.Parse((string)list["metadata"]!["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture);
        var events = await ReadEventsAsync($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={version + 1_000_000}&timeoutSeconds=1", 1);
        Assert.Empty(events);
    }
}
