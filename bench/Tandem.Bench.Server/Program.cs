// The API server benchmark (docs/benchmarks.md, "API server"): a real Kubelet on runc with N running busybox pods
// behind the API server on loopback, then
//   1. GET /api/v1/namespaces/default/pods as a Table (kubectl get pods' request): round trip and server time;
//   2. W watchers (HTTP watch streams from the list's resourceVersion) while U label updates are made to one pod:
//      every watcher must see every update, in order.
// Usage (root): Tandem.Bench.Server IMAGE_ARCHIVE [pods=100] [requests=2000] [watchers=50] [updates=100]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Bench.Server;
using Tandem.Node;
using Tandem.Runtime.Runc;
using Tandem.Server;

var archive = args[0];
var pods = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
var watchers = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50;
var updates = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100;
const string Image = "localhost/tandem-bench/busybox:1";

var root = Directory.CreateTempSubdirectory("tandem-server-bench-").FullName;
var runtime = new RuncRuntime(new RuncRuntimeOptions { StateRoot = Path.Combine(root, "runtime"), HostPrefix = "tv" + Random.Shared.Next(1000, 9999), DockerConfigPath = null });
await runtime.Images.ImportImageAsync(archive, Image, CancellationToken.None);
var kubelet = new Kubelet(new NodeOptions { StateDirectory = Path.Combine(root, "node") }, runtime.Sandboxes, runtime.Containers, runtime.Images);
await kubelet.StartAsync(CancellationToken.None);
var server = await ApiServer.StartAsync(new ApiServerOptions(), kubelet, null, CancellationToken.None);
using var http = new HttpClient { BaseAddress = server.Address };
try
{
    Console.WriteLine($"starting {pods} pods ({Environment.ProcessorCount} cores)...");
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, pods).Select(i => Post(http, Pod($"bench-{i:D3}"))));
    while (true)
    {
        var list = JsonNode.Parse(await http.GetStringAsync("/api/v1/namespaces/default/pods"))!;
        var running = list["items"]!.AsArray().Count(p => (string?)p!["status"]!["phase"] == "Running");
        if (running == pods)
        {
            break;
        }
        await Task.Delay(500);
    }
    Console.WriteLine($"all {pods} running after {clock.Elapsed.TotalSeconds:F1} s; letting them settle");
    await Task.Delay(TimeSpan.FromSeconds(5));

    await TableAsync(http, requests);
    await WatchAsync(http, watchers, updates);
}
finally
{
    await server.DisposeAsync();
    await kubelet.DeleteAllAsync(0, CancellationToken.None);
    await kubelet.DisposeAsync();
    Directory.Delete(root, recursive: true);
}

static async Task TableAsync(HttpClient http, int requests)
{
    const string Accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
    var roundTrips = new Percentiles("GET pods as Table, HTTP round trip on loopback");
    long bytes = 0;
    for (var i = 0; i < requests + 200; i++)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/pods?limit=500");
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        var start = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (i >= 200)
        {
            // The first 200 warm the JIT up.
            roundTrips.Add(elapsed);
            bytes = body.Length;
        }
    }
    Console.WriteLine(roundTrips);
    Console.WriteLine($"  response: {bytes} bytes ({bytes / 1024.0:F1} KiB)");
}

static async Task WatchAsync(HttpClient http, int watchers, int updates)
{
    var list = JsonNode.Parse(await http.GetStringAsync("/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dbench-000"))!;
    var version = (string)list["metadata"]!["resourceVersion"]!;
    var streams = new List<Task<(int Seen, bool InOrder, double LastAt)>>();
    var clock = Stopwatch.StartNew();
    var ready = new CountdownEvent(watchers);
    for (var w = 0; w < watchers; w++)
    {
        streams.Add(Task.Run(() => WatchOne(http, version, updates, clock, ready)));
    }
    ready.Wait(TimeSpan.FromSeconds(30));
    var first = clock.Elapsed.TotalMilliseconds;
    for (var u = 1; u <= updates; u++)
    {
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/namespaces/default/pods/bench-000")
        {
            Content = new StringContent($"{{\"metadata\":{{\"labels\":{{\"seq\":\"{u}\"}}}}}}", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        using var response = await http.SendAsync(patch);
        response.EnsureSuccessStatusCode();
    }
    var patched = clock.Elapsed.TotalMilliseconds;
    var results = await Task.WhenAll(streams).WaitAsync(TimeSpan.FromSeconds(120));
    var complete = results.Count(r => r.Seen == updates && r.InOrder);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{watchers} watchers x {updates} label updates of one pod: {updates} PATCHes took {patched - first:F0} ms; the last watcher had every event {results.Max(r => r.LastAt) - first:F0} ms after the first PATCH; " +
        $"{complete}/{watchers} watchers saw all {updates} updates in order; events lost: {results.Sum(r => updates - r.Seen)}"));
}

static async Task<(int Seen, bool InOrder, double LastAt)> WatchOne(HttpClient http, string version, int updates, Stopwatch clock, CountdownEvent ready)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dbench-000&resourceVersion={version}&watch=true&timeoutSeconds=120");
    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    ready.Signal();
    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
    var expected = 1;
    var inOrder = true;
    var lastVersion = 0L;
    while (expected <= updates && await reader.ReadLineAsync() is { } line)
    {
        var change = JsonNode.Parse(line)!;
        var metadata = change["object"]!["metadata"]!;
        var rv = long.Parse((string)metadata["resourceVersion"]!, CultureInfo.InvariantCulture);
        inOrder &= rv > lastVersion;
        lastVersion = rv;
        if (metadata["labels"]?["seq"] is { } seq && (string?)seq is { } text && int.Parse(text, CultureInfo.InvariantCulture) is var n && n >= expected)
        {
            // Status-only MODIFIED events of the pod come between the updates; a skipped number is a lost event.
            inOrder &= n == expected;
            expected = n + 1;
        }
    }
    return (expected - 1, inOrder, clock.Elapsed.TotalMilliseconds);
}

static async Task Post(HttpClient http, string body)
{
    using var response = await http.PostAsync("/api/v1/namespaces/default/pods", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
    response.EnsureSuccessStatusCode();
}

static string Pod(string name) =>
    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"bench\"}},\"spec\":{\"terminationGracePeriodSeconds\":1," +
    "\"containers\":[{\"name\":\"main\",\"image\":\"" + Image + "\",\"imagePullPolicy\":\"Never\",\"command\":[\"sleep\",\"3600\"]}]}}";
