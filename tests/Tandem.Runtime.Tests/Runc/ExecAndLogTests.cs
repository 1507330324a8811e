using System.Text.RegularExpressions;
using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

public sealed partial class ExecAndLogTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task ExecSync_ReturnsOutputExitCodeTimeoutAndCapsOutput()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var id = await pod.RunAsync(pod.Container("main", "sleep", "1000") with { Env = [new("GREETING", "hi")] });
        var containers = pod.Runtime.Containers;
        var long_ = TimeSpan.FromSeconds(20);

        var echo = await containers.ExecSyncAsync(id, ["sh", "-c", "echo $GREETING; echo err >&2"], long_, CancellationToken.None);
        var failing = await containers.ExecSyncAsync(id, ["sh", "-c", "exit 7"], long_, CancellationToken.None);
        var big = await containers.ExecSyncAsync(id, ["sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x"], long_, CancellationToken.None);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var slow = await containers.ExecSyncAsync(id, ["sleep", "30"], TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Equal(new ExecResult(0, "hi\n", "err\n", false), echo);
        Assert.Equal(7, failing.ExitCode);
        Assert.Equal(10 * 1024, big.Stdout.Length);
        Assert.True(slow.TimedOut);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"timed-out exec returned after {watch.Elapsed}");
        // The timed-out command was killed, not left running in the container (SIGKILL takes effect asynchronously).
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await containers.ExecSyncAsync(id, ["ps", "-o", "args"], long_, CancellationToken.None)).Stdout.Contains("sleep 30", StringComparison.Ordinal))
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Logs_AreInCriFormatWithPartialLinesOver16KiB()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main", "sh", "-c", "echo first; echo to-stderr >&2; head -c 40000 /dev/zero | tr '\\0' a; echo; printf no-newline");

        Assert.Equal(0, (await pod.WaitForExitAsync(await pod.RunAsync(config))).ExitCode);

        var records = (await File.ReadAllLinesAsync(config.LogPath)).Select(l => CriLine().Match(l)).ToList();
        Assert.All(records, r => Assert.True(r.Success, $"not a CRI log line: {r.Value}"));
        var stdout = records.Where(r => r.Groups["stream"].Value == "stdout").ToList();
        Assert.Equal("first", stdout[0].Groups["text"].Value);
        Assert.Contains(records, r => r.Groups["stream"].Value == "stderr" && r.Groups["text"].Value == "to-stderr");
        var big = stdout.Skip(1).Take(3).ToList();
        Assert.Equal(["P", "P", "F"], big.Select(r => r.Groups["tag"].Value));
        Assert.Equal(16 * 1024, big[0].Groups["text"].Value.Length);
        Assert.Equal(new string('a', 40000), string.Concat(big.Select(r => r.Groups["text"].Value)));
        Assert.Equal("no-newline", stdout[^1].Groups["text"].Value);
        Assert.Equal("F", stdout[^1].Groups["tag"].Value);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z (?<stream>stdout|stderr) (?<tag>[PF]) (?<text>.*)$")]
    private static partial Regex CriLine();
}
