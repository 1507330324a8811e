using System.Diagnostics;
using System.Globalization;
using Tandem.Bench.Node;

// Pod start on the node (Kubelet on runc) against `podman kube play` of the same pod, interleaved run by run so both
// see the same machine load. Needs root, runc, and scripts/build-test-images output; bench/pods/run.sh sets it all up.
//   start RUNS ARCHIVE [--no-podman]   one pod at a time, RUNS measured runs after 3 warm-up runs each
//   burst PODS ARCHIVE [--no-podman]   PODS pods applied at once; then memory and helper processes with them running
// BENCH_TRACE=1 prints every node notification with a millisecond timestamp (where a start or a delete waits).
if (args.Length < 3 || args[0] is not ("start" or "burst"))
{
    Console.Error.WriteLine("usage: Tandem.Bench.Node start|burst COUNT OCI_ARCHIVE [--no-podman]");
    return 2;
}
var count = int.Parse(args[1], CultureInfo.InvariantCulture);
var usePodman = !args.Contains("--no-podman") && Podman.Available;
var directory = Directory.CreateTempSubdirectory("tandem-bench-node-").FullName;
var podman = usePodman ? new Podman(directory) : null;
Console.WriteLine($"load average at start: {LoadAverage()}");
await using (var node = await TandemNode.StartAsync(directory, Path.GetFullPath(args[2])))
{
    if (args[0] == "start")
    {
        await StartRunsAsync(node, podman, count);
    }
    else
    {
        await BurstAsync(node, podman, count);
    }
}
Console.WriteLine($"load average at end: {LoadAverage()}");
Directory.Delete(directory, recursive: true);
return 0;

static async Task StartRunsAsync(TandemNode node, Podman? podman, int runs)
{
    const int warmUp = 3;
    var started = new Samples("tandem: Apply → 3rd ContainerStarted");
    var running = new Samples("tandem: Apply → status shows 3 running");
    var inProcesses = new Samples("tandem: of that, waiting for host processes");
    var verbs = new Dictionary<string, Samples>();
    var deleted = new Samples("tandem: delete (grace 0) until gone");
    var deleteProcesses = new Samples("tandem: of that, host processes (summed; some run in parallel)");
    var deleteCommands = "";
    var played = new Samples("podman kube play (returns with 3 started)");
    var removed = new Samples("podman pod rm -f -t 0");
    for (var run = 0; run < runs + warmUp; run++)
    {
        var name = $"bench-{run}";
        var pod = TandemNode.Load(name);
        var start = await node.ApplyAsync(pod).WaitAsync(TimeSpan.FromSeconds(60));
        var spans = node.Processes.Between(start.StartTimestamp, start.EndTimestamp);
        var deleteStart = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        await node.DeleteAsync(name);
        var d = clock.Elapsed.TotalMilliseconds;
        var deleteSpans = node.Processes.Between(deleteStart, Stopwatch.GetTimestamp());
        if (run >= warmUp)
        {
            started.Add(start.Started);
            running.Add(start.Running);
            inProcesses.Add(spans.Sum(x => x.Milliseconds));
            foreach (var group in spans.GroupBy(x => x.Command))
            {
                var samples = verbs.TryGetValue(group.Key, out var known) ? known : verbs[group.Key] = new Samples($"tandem: {group.Key} (per process)");
                foreach (var span in group)
                {
                    samples.Add(span.Milliseconds);
                }
            }
            deleted.Add(d);
            deleteProcesses.Add(deleteSpans.Sum(x => x.Milliseconds));
            deleteCommands = string.Join(", ", deleteSpans.GroupBy(x => x.Command).Select(g => $"{g.Count()} {g.Key}"));
        }
        if (podman is not null)
        {
            var p = await podman.PlayAsync(name);
            if (run == 0 && await podman.RunningContainersAsync(name) is var up && up != 3)
            {
                throw new InvalidOperationException($"podman kube play returned with {up} of 3 containers running");
            }
            clock.Restart();
            await podman.DownAsync(name);
            if (run >= warmUp)
            {
                played.Add(p);
                removed.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
    }
    Console.WriteLine($"\none pod (app + 2 native sidecars), {runs} runs after {warmUp} warm-up runs, tandem and podman interleaved, {Environment.ProcessorCount} cores");
    Console.WriteLine(Samples.Header);
    foreach (var samples in new[] { started, running, inProcesses }.Concat(verbs.Values).Concat([deleted, deleteProcesses, played, removed]).Where(s => s.Count > 0))
    {
        Console.WriteLine(samples.Row());
    }
    Console.WriteLine($"\nhost processes of the last delete: {deleteCommands}");
    if (played.Count > 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\npodman p50 / tandem p50 (3rd ContainerStarted): {played.Percentile(0.5) / started.Percentile(0.5):F1}x; (status running): {played.Percentile(0.5) / running.Percentile(0.5):F1}x"));
    }
}

static async Task BurstAsync(TandemNode node, Podman? podman, int pods)
{
    // One pod first, so the burst measures the node and not the JIT compiling it.
    await node.ApplyAsync(TandemNode.Load("warm")).WaitAsync(TimeSpan.FromSeconds(60));
    await node.DeleteAsync("warm");
    var loaded = Enumerable.Range(0, pods).Select(i => TandemNode.Load($"burst-{i}")).ToList();
    var clock = Stopwatch.StartNew();
    var starts = loaded.Select(node.ApplyAsync).ToList();
    var results = await Task.WhenAll(starts).WaitAsync(TimeSpan.FromSeconds(120));
    var burstSpans = node.Processes.Between(results.Min(r => r.StartTimestamp), results.Max(r => r.EndTimestamp));
    var all = clock.Elapsed.TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"\n{pods} pods applied at once: all containers of all pods started after {results.Max(r => r.Started):F0} ms (3rd ContainerStarted of the last pod); every status running after {all:F0} ms; {burstSpans.Count} host processes ({string.Join(", ", burstSpans.GroupBy(s => s.Command).Select(g => $"{g.Count()} {g.Key}"))})"));
    await Task.Delay(TimeSpan.FromSeconds(3));
    GC.Collect();
    await Task.Delay(TimeSpan.FromSeconds(1));
    var self = Environment.ProcessId;
    var (rss, peak) = ProcessTree.Memory(self);
    var (anonymous, file) = ProcessTree.RssSplit(self);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"node process (this benchmark, pid {self}) with {pods} pods running: VmRSS {rss:F1} MiB (anonymous {anonymous:F1}, file-backed {file:F1}), VmHWM {peak:F1} MiB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F1} MiB, {Process.GetCurrentProcess().Threads.Count} threads"));
    var prefix = "/" + Path.GetFileName(node.Runtime.Layout.CgroupPrefix.TrimStart('/')) + "/";
    var descendants = ProcessTree.Descendants(self);
    var holders = descendants.Where(p => p.Cgroup.Contains(prefix, StringComparison.Ordinal) && p.Cgroup.EndsWith("/pause", StringComparison.Ordinal)).ToList();
    var inContainers = descendants.Where(p => p.Cgroup.Contains(prefix, StringComparison.Ordinal) && !p.Cgroup.EndsWith("/pause", StringComparison.Ordinal)).ToList();
    var helpers = descendants.Except(holders).Except(inContainers).ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"descendant processes: {inContainers.Count} inside containers, {holders.Count} sandbox holders ({string.Join(",", holders.Select(h => h.Command).Distinct())}, {holders.Sum(h => h.RssMiB):F1} MiB RSS together, max {holders.Select(h => h.RssMiB).DefaultIfEmpty().Max():F1} MiB), {helpers.Count} other processes (per-container helpers){(helpers.Count > 0 ? ": " + string.Join(", ", helpers.Select(h => $"{h.Command}({h.Pid})")) : "")}"));
    if (podman is not null)
    {
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, pods).Select(i => podman.PlayAsync($"pburst-{i}")));
        var podmanAll = clock.Elapsed.TotalMilliseconds;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var conmons = ProcessTree.All().Where(p => p.Command == "conmon").ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"podman: {pods} concurrent `podman kube play` all returned after {podmanAll:F0} ms; {conmons.Count} conmon helper processes ({conmons.Sum(c => c.RssMiB):F1} MiB RSS together, max {conmons.Select(c => c.RssMiB).DefaultIfEmpty().Max():F1} MiB)"));
        await Task.WhenAll(Enumerable.Range(0, pods).Select(i => podman.DownAsync($"pburst-{i}")));
    }
}

static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
