using System.Text.Json;
using Tandem.Testing;
using Tandem.Testing.Runtime;

namespace Tandem.Cli.Tests.Daemon;

/// <summary>
/// Pods across the daemon's life: <c>down</c> terminates them in Kubernetes order and leaves nothing; a daemon killed
/// with SIGKILL, or stopped with <c>down --keep-pods</c>, leaves them running and the next <c>up</c> re-adopts them with
/// the same containers, restart counts and logs. On real runc with the host's busybox, driven by a pinned kubectl.
/// </summary>
public sealed class DaemonPodTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox", "file:/usr/lib/google-cloud-sdk/bin/kubectl.1.33")]
    public async Task Down_TerminatesTheAppBeforeItsSidecar_AndLeavesNothing()
    {
        await using var daemon = new DaemonFixture();
        await daemon.UpAsync();
        await ApplyAndWaitReadyAsync(daemon, "order");

        var (exit, output) = await daemon.RunAsync("down");

        Assert.True(exit == 0, output + daemon.Log());
        var shared = await File.ReadAllLinesAsync(SharedLog(daemon));
        Assert.True(Array.IndexOf(shared, "main got TERM") is >= 0 and var main && main < Array.IndexOf(shared, "helper got TERM"), string.Join('\n', shared));
        Assert.Empty(Leftovers.Find(daemon.RuntimeOptions));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox", "file:/usr/lib/google-cloud-sdk/bin/kubectl.1.33")]
    public async Task KilledDaemon_LeavesThePodRunning_AndUpReadoptsItWithItsContainersRestartCountsAndLogs()
    {
        await using var daemon = new DaemonFixture();
        await daemon.UpAsync();
        var before = await ApplyAndWaitReadyAsync(daemon, "survivor");
        var lastBefore = await LastLineAsync(daemon, "survivor");

        using (var process = System.Diagnostics.Process.GetProcessById(daemon.Record!.Pid))
        {
            process.Kill();
        }
        await PollAsync(() => !DaemonFixture.IsRunning(daemon.Record!.Pid), "the daemon to die");
        Assert.Contains(Leftovers.Find(daemon.RuntimeOptions), l => l.StartsWith("process", StringComparison.Ordinal));

        await AssertReadoptedAsync(daemon, "survivor", before, lastBefore);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:ip", "file:/bin/busybox", "file:/usr/lib/google-cloud-sdk/bin/kubectl.1.33")]
    public async Task DownKeepPods_LeavesThePodRunning_AndUpReadoptsItWithItsContainersRestartCountsAndLogs()
    {
        await using var daemon = new DaemonFixture();
        await daemon.UpAsync();
        var before = await ApplyAndWaitReadyAsync(daemon, "kept");
        var lastBefore = await LastLineAsync(daemon, "kept");

        var (exit, output) = await daemon.RunAsync("down", "--keep-pods");

        Assert.True(exit == 0, output + daemon.Log());
        Assert.Contains("its pods keep running", output, StringComparison.Ordinal);
        Assert.Contains(Leftovers.Find(daemon.RuntimeOptions), l => l.StartsWith("process", StringComparison.Ordinal));
        Assert.False(File.Exists(SharedLog(daemon)) && (await File.ReadAllTextAsync(SharedLog(daemon))).Contains("got TERM", StringComparison.Ordinal));
        await AssertReadoptedAsync(daemon, "kept", before, lastBefore);
    }

    // up again: the same pod, Running and Ready, with the same container ids and restart counts; its log goes on in the
    // same file (the lines from before are there, new ones follow); then down stops it in order and leaves nothing.
    private static async Task AssertReadoptedAsync(DaemonFixture daemon, string name, JsonElement before, int lastBefore)
    {
        await daemon.UpAsync();
        await WaitReadyAsync(daemon, name);
        var after = await PodStatusAsync(daemon, name);
        Assert.Equal(Containers(before), Containers(after));
        await PollAsync(async () => await LastLineAsync(daemon, name) > lastBefore + 3, "the main container's log to go on");
        var logs = await daemon.KubectlAsync("logs", name, "-c", "main");
        Assert.StartsWith("line 1\n", logs, StringComparison.Ordinal);
        Assert.Contains($"line {lastBefore}\n", logs, StringComparison.Ordinal);

        var (exit, output) = await daemon.RunAsync("down");

        Assert.True(exit == 0, output + daemon.Log());
        var shared = await File.ReadAllLinesAsync(SharedLog(daemon));
        Assert.True(Array.IndexOf(shared, "main got TERM") is >= 0 and var main && main < Array.IndexOf(shared, "helper got TERM"), string.Join('\n', shared));
        Assert.Empty(Leftovers.Find(daemon.RuntimeOptions));
    }

    private static async Task<JsonElement> ApplyAndWaitReadyAsync(DaemonFixture daemon, string name)
    {
        var manifest = Path.Combine(daemon.Root, name + ".yaml");
        Directory.CreateDirectory(Path.Combine(daemon.Root, "shared"));
        await File.WriteAllTextAsync(manifest, Pod(name, Path.Combine(daemon.Root, "shared")));
        await daemon.KubectlAsync("apply", "-f", manifest);
        await WaitReadyAsync(daemon, name);
        await PollAsync(async () => await LastLineAsync(daemon, name) > 3, "the main container to log");
        return await PodStatusAsync(daemon, name);
    }

    // Polls rather than kubectl wait: the server's watch sends no headers until its first event (see the report), so
    // kubectl wait on a pod that is already Ready and quiet hangs.
    private static async Task WaitReadyAsync(DaemonFixture daemon, string name) =>
        await PollAsync(async () =>
        {
            var status = await PodStatusAsync(daemon, name);
            return status.TryGetProperty("conditions", out var conditions)
                && conditions.EnumerateArray().Any(c => c.GetProperty("type").GetString() == "Ready" && c.GetProperty("status").GetString() == "True");
        }, $"pod {name} to be Ready");

    private static async Task<JsonElement> PodStatusAsync(DaemonFixture daemon, string name)
    {
        using var document = JsonDocument.Parse(await daemon.KubectlAsync("get", "pod", name, "-o", "json"));
        return document.RootElement.GetProperty("status").Clone();
    }

    // Every container's name, id, restart count and readiness, as kubectl shows them.
    private static string[] Containers(JsonElement status) =>
    [
        .. new[] { "initContainerStatuses", "containerStatuses" }
            .SelectMany(p => status.TryGetProperty(p, out var list) ? list.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(c => $"{c.GetProperty("name")} {c.GetProperty("containerID")} restarts={c.GetProperty("restartCount")} ready={c.GetProperty("ready")}"),
    ];

    private static async Task<int> LastLineAsync(DaemonFixture daemon, string name)
    {
        var result = await daemon.Kubectl.RunAsync("logs", name, "-c", "main", "--tail=1");
        return result.ExitCode == 0 && result.Stdout.Trim().Split('\n')[^1] is { } last && last.StartsWith("line ", StringComparison.Ordinal)
            ? int.Parse(last[5..], System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

    private static string SharedLog(DaemonFixture daemon) => Path.Combine(daemon.Root, "shared", "log");

    private static async Task PollAsync(Func<bool> condition, string what) => await PollAsync(() => Task.FromResult(condition()), what);

    private static async Task PollAsync(Func<Task<bool>> condition, string what)
    {
        using var deadline = new CancellationTokenSource(DaemonFixture.Patience);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }
            await Task.Delay(200, CancellationToken.None);
        }
    }

    // A native sidecar with a readiness probe and an app that logs a counter; both write their SIGTERM to a shared file.
    private static string Pod(string name, string shared) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}}
        spec:
          terminationGracePeriodSeconds: 5
          initContainers:
          - name: helper
            image: tandem.local/host
            restartPolicy: Always
            command: [/bin/busybox, sh, -c, "trap 'echo helper got TERM >> /shared/log; exit 0' TERM; while true; do busybox sleep 1 & wait $!; done"]
            readinessProbe: {exec: {command: [/bin/busybox, "true"]}, periodSeconds: 1}
            volumeMounts: [{name: shared, mountPath: /shared}]
          containers:
          - name: main
            image: tandem.local/host
            command: [/bin/busybox, sh, -c, "trap 'echo main got TERM >> /shared/log; exit 0' TERM; i=0; while true; do i=$((i+1)); echo line $i; busybox sleep 0.2 & wait $!; done"]
            volumeMounts: [{name: shared, mountPath: /shared}]
          volumes:
          - name: shared
            hostPath: {path: {{shared}}, type: Directory}
        """ + "\n";
}
