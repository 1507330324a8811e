using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Tandem.Bench.Streaming;

// Measures exec round trips and port-forward throughput with a real kubectl against Tandem's streaming routes.
// Usage: Tandem.Bench.Streaming [--minor 33] [--runs 30] [--megabytes 256] [--runc BUSYBOX_OCI_ARCHIVE]
// Without --runc the "pod" is host processes (the protocol layer alone); with it, a real Kubelet on runc behind the
// real ApiServer (TLS + bearer token) runs a busybox pod, so runc exec and the pod netns socket path are included.
var minor = Option("--minor", 33);
var archive = StringOption("--runc");
var runs = Option("--runs", 30);
var megabytes = Option("--megabytes", 256);
var kubectl = $"/usr/lib/google-cloud-sdk/bin/kubectl.1.{minor}";
var home = Directory.CreateTempSubdirectory("tandem-bench-streaming-").FullName;
Microsoft.AspNetCore.Builder.WebApplication? app = null;
RuncNode? node = null;
string kubeconfig;
if (archive is null)
{
    (app, var address) = await BenchHost.StartAsync(new HostProcessPods());
    kubeconfig = Path.Combine(home, "kubeconfig");
    File.WriteAllText(kubeconfig, $$$"""
        {"apiVersion":"v1","kind":"Config","current-context":"b","clusters":[{"name":"b","cluster":{"server":"{{{address.ToString().TrimEnd('/')}}}"}}],
         "users":[{"name":"b","user":{}}],"contexts":[{"name":"b","context":{"cluster":"b","user":"b","namespace":"default"}}]}
        """);
}
else
{
    node = await RuncNode.StartAsync(archive, Directory.CreateTempSubdirectory("tandem-bench-runc-").FullName);
    kubeconfig = node.Kubeconfig;
}

try
{
    Console.WriteLine($"{(node is null ? "host-process pods" : "runc pod, TLS + token")}, kubectl 1.{minor}, {runs} runs each, {Environment.ProcessorCount} CPUs, " +
        $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    Console.WriteLine();
    Console.WriteLine("| measurement | p50 | p90 | min |");
    Console.WriteLine("|---|---|---|---|");
    await Latency("`kubectl get pod web` (floor: process start, discovery, one GET)", [], "get", "pod", "web");
    if (minor >= 29)
    {
        // 1.27 and 1.28 speak only SPDY for exec (spec §11.2).
        await Latency("`kubectl exec web -- true`, WebSocket v5", [("KUBECTL_REMOTE_COMMAND_WEBSOCKETS", "true")], "exec", "web", "--", "true");
    }
    await Latency("`kubectl exec web -- true`, SPDY", [("KUBECTL_REMOTE_COMMAND_WEBSOCKETS", "false")], "exec", "web", "--", "true");
    Console.WriteLine();
    Console.WriteLine($"| port-forward, {megabytes} MB one connection | MB/s |");
    Console.WriteLine("|---|---|");
    foreach (var (name, tunnel) in minor >= 30 ? new[] { ("SPDY", "false"), ("WebSocket-tunnelled SPDY", "true") } : [("SPDY", "false")])
    {
        Console.WriteLine($"| {name}, upload | {await Throughput(tunnel, upload: true):F0} |");
        Console.WriteLine($"| {name}, download | {await Throughput(tunnel, upload: false):F0} |");
    }
    Console.WriteLine($"| plain loopback TCP, no kubectl (ceiling) | {await Loopback():F0} |");
    if (node is not null)
    {
        Console.WriteLine($"| in-pod loopback, nc -e dd to nc -e dd, 1024 MB (ceiling of the pod's peers) | {await InPodLoopback():F0} |");
    }
}
finally
{
    if (node is not null)
    {
        await node.DisposeAsync();
    }
    if (app is not null)
    {
        await app.StopAsync();
    }
}
Directory.Delete(home, recursive: true);

async Task Latency(string label, (string, string)[] environment, params string[] args)
{
    var times = new List<double>();
    for (var i = 0; i < runs + 2; i++)
    {
        var clock = Stopwatch.StartNew();
        using var process = Start(environment, args);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl {string.Join(' ', args)} exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
        }
        if (i >= 2)
        {
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
    }
    times.Sort();
    Console.WriteLine($"| {label} | {times[times.Count / 2]:F0} ms | {times[times.Count * 9 / 10]:F0} ms | {times[0]:F0} ms |");
}

async Task<double> Throughput(string tunnel, bool upload)
{
    using var pod = node is null ? new TcpListener(IPAddress.Loopback, 0) : null;
    pod?.Start();
    var remote = pod is not null ? ((IPEndPoint)pod.LocalEndpoint).Port : upload ? RuncNode.SinkPort : RuncNode.SourcePort;
    using var forward = Start([("KUBECTL_PORT_FORWARD_WEBSOCKETS", tunnel)], "port-forward", "--address", "127.0.0.1", "web", $":{remote}");
    var local = await LocalPort(forward);
    var bytes = (long)megabytes * 1024 * 1024;
    using var client = new TcpClient { NoDelay = true };
    await client.ConnectAsync(IPAddress.Loopback, local);
    double seconds;
    if (pod is not null)
    {
        using var server = await pod.AcceptTcpClientAsync();
        var clock = Stopwatch.StartNew();
        var (from, to) = upload ? (client.GetStream(), server.GetStream()) : (server.GetStream(), client.GetStream());
        var sending = Send(from, bytes);
        await Drain(to, bytes);
        await sending;
        seconds = clock.Elapsed.TotalSeconds;
    }
    else if (upload)
    {
        // The in-pod sink (dd of=/dev/null) acknowledges nothing: time until the last byte is written, then until the
        // pod side closes after our half-close (dd saw EOF), when the forwarder propagates it.
        var stream = client.GetStream();
        var clock = Stopwatch.StartNew();
        await Send(stream, bytes);
        seconds = clock.Elapsed.TotalSeconds;
        client.Client.Shutdown(SocketShutdown.Send);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            if (await stream.ReadAsync(new byte[1], timeout.Token) == 0)
            {
                seconds = clock.Elapsed.TotalSeconds;
            }
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("(upload: no close from the pod within 10 s after half-close; timed to the last write)");
        }
    }
    else
    {
        var clock = Stopwatch.StartNew();
        await Drain(client.GetStream(), bytes);
        seconds = clock.Elapsed.TotalSeconds;
    }
    forward.Kill();
    await forward.WaitForExitAsync();
    return bytes / 1024.0 / 1024.0 / seconds;
}

// The pod's own ceiling: a client nc -e dd inside the pod reads 1024 MB from the source port over the pod's loopback,
// timed in the pod from /proc/uptime (10 ms ticks).
async Task<double> InPodLoopback()
{
    const string Script = $"a=$(cut -d' ' -f1 /proc/uptime); nc 127.0.0.1 9002 -e dd of=/dev/null bs=1M count=1024 iflag=fullblock 2>/dev/null; " +
        "b=$(cut -d' ' -f1 /proc/uptime); echo $a $b";
    using var process = Start([], "exec", "web", "--", "sh", "-c", Script);
    var output = (await process.StandardOutput.ReadToEndAsync()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    await process.WaitForExitAsync();
    var seconds = double.Parse(output[1], CultureInfo.InvariantCulture) - double.Parse(output[0], CultureInfo.InvariantCulture);
    return 1024 / seconds;
}

async Task<double> Loopback()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    using var client = new TcpClient();
    await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
    using var server = await listener.AcceptTcpClientAsync();
    var bytes = (long)megabytes * 1024 * 1024;
    var clock = Stopwatch.StartNew();
    var sending = Send(client.GetStream(), bytes);
    var received = await Drain(server.GetStream(), bytes);
    await sending;
    return received / 1024.0 / 1024.0 / clock.Elapsed.TotalSeconds;
}

static async Task Send(Stream stream, long bytes)
{
    var buffer = new byte[64 * 1024];
    Random.Shared.NextBytes(buffer);
    for (long sent = 0; sent < bytes; sent += buffer.Length)
    {
        await stream.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, bytes - sent)));
    }
}

static async Task<long> Drain(Stream stream, long bytes)
{
    var buffer = new byte[256 * 1024];
    long total = 0;
    while (total < bytes)
    {
        var read = await stream.ReadAsync(buffer);
        if (read == 0)
        {
            throw new EndOfStreamException($"the stream ended after {total} of {bytes} bytes");
        }
        total += read;
    }
    return total;
}

static async Task<int> LocalPort(Process forward)
{
    while (await forward.StandardOutput.ReadLineAsync() is { } line)
    {
        if (Regex.Match(line, @"Forwarding from 127\.0\.0\.1:(\d+)") is { Success: true } match)
        {
            return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
    }
    throw new InvalidOperationException("kubectl port-forward exited: " + await forward.StandardError.ReadToEndAsync());
}

Process Start((string Name, string Value)[] environment, params string[] args)
{
    var info = new ProcessStartInfo(kubectl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    info.ArgumentList.Add("--kubeconfig");
    info.ArgumentList.Add(kubeconfig);
    foreach (var arg in args)
    {
        info.ArgumentList.Add(arg);
    }
    info.Environment["HOME"] = home;
    foreach (var (name, value) in environment)
    {
        info.Environment[name] = value;
    }
    return Process.Start(info)!;
}

string? StringOption(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
