using System.IO.Pipes;
using System.Text;
using System.Threading.Channels;
using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

/// <summary>Issue 4: exec with stdio and a terminal, attach with stdin, port-forward, on real runc.</summary>
public sealed class StreamingTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Exec_WithoutTerminal_WiresStdinStdoutStderrAndReturnsTheExitCode()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var id = await pod.RunAsync(pod.Container("main", "sleep", "1000") with { Env = [new("GREETING", "hi")], WorkingDir = "/tmp" });
        var stdout = new CaptureStream();
        var stderr = new CaptureStream();
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes("from-client\nsecond\n"));

        var code = await pod.Runtime.Streaming.ExecAsync(id, ["sh", "-c", "cat; echo $GREETING; pwd; echo to-err >&2; exit 3"],
            new StreamingIo { Stdin = stdin, Stdout = stdout, Stderr = stderr }, CancellationToken.None);

        Assert.Equal(3, code);
        Assert.Equal("from-client\nsecond\nhi\n/tmp\n", stdout.Text);
        Assert.Equal("to-err\n", stderr.Text);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Exec_WithTerminal_FollowsTheClientsSize()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var id = await pod.RunAsync(pod.Container("main", "sleep", "1000"));
        var sizes = Channel.CreateUnbounded<TerminalSize>();
        sizes.Writer.TryWrite(new TerminalSize(123, 45));
        var output = new CaptureStream();
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes("stty size; [ -t 0 ] && echo is-a-tty; exit 5\n"));

        var code = await pod.Runtime.Streaming.ExecAsync(id, ["sh"],
            new StreamingIo { Stdin = stdin, Stdout = output, Tty = true, Resize = sizes.Reader }, CancellationToken.None);

        Assert.Equal(5, code);
        Assert.Contains("45 123\r\n", output.Text, StringComparison.Ordinal);
        Assert.Contains("is-a-tty\r\n", output.Text, StringComparison.Ordinal);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Exec_OfACommandThatCannotRun_IsAnErrorNotAnExitCode()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var id = await pod.RunAsync(pod.Container("main", "sleep", "1000"));
        var io = new StreamingIo { Stdout = new CaptureStream() };

        var missing = await Assert.ThrowsAsync<RuntimeException>(() => pod.Runtime.Streaming.ExecAsync(id, ["no-such-command"], io, CancellationToken.None));
        var notExecutable = await Assert.ThrowsAsync<RuntimeException>(() => pod.Runtime.Streaming.ExecAsync(id, ["/etc"], io, CancellationToken.None));

        Assert.Contains("exec: \"no-such-command\": executable file not found in $PATH", missing.Message, StringComparison.Ordinal);
        Assert.Contains("exec: \"/etc\": permission denied", notExecutable.Message, StringComparison.Ordinal);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Exec_Cancelled_KillsTheProcess()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var id = await pod.RunAsync(pod.Container("main", "sleep", "1000"));
        var output = new CaptureStream();
        using var cancel = new CancellationTokenSource();

        var exec = pod.Runtime.Streaming.ExecAsync(id, ["sh", "-c", "echo started; exec sleep 555"], new StreamingIo { Stdout = output }, cancel.Token);
        await output.WaitForAsync("started");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exec);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await pod.Runtime.Containers.ExecSyncAsync(id, ["ps", "-o", "args"], TimeSpan.FromSeconds(20), CancellationToken.None)).Stdout.Contains("sleep 555", StringComparison.Ordinal))
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Attach_ToAStdinOnceContainer_EchoesInputAndClosesStdinWhenTheSessionEnds()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main", "sh", "-c", "echo ready; cat; echo stdin-closed") with { Stdin = true, StdinOnce = true };
        var id = await pod.RunAsync(config);
        await pod.WaitForLogAsync(config.LogPath, "ready");
        var output = new CaptureStream();
        using var client = new AnonymousPipeServerStream(PipeDirection.Out);
        using var stdin = new AnonymousPipeClientStream(PipeDirection.In, client.ClientSafePipeHandle);

        var attach = pod.Runtime.Streaming.AttachAsync(id, new StreamingIo { Stdin = stdin, Stdout = output }, CancellationToken.None);
        await client.WriteAsync(Encoding.UTF8.GetBytes("hello from attach\n"));
        await output.WaitForAsync("hello from attach\n");
        client.Dispose();

        await attach.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("stdin-closed", output.Text, StringComparison.Ordinal);
        var status = await pod.WaitForExitAsync(id);
        Assert.Equal(0, status.ExitCode);
        Assert.Equal(["ready", "hello from attach", "stdin-closed"], await Pod.LogLinesAsync(config.LogPath));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Attach_WithStdinThatStaysOpen_ServesOneSessionAfterAnother()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main", "cat") with { Stdin = true };
        var id = await pod.RunAsync(config);

        foreach (var text in new[] { "first session\n", "second session\n" })
        {
            var output = new CaptureStream();
            using var detach = new CancellationTokenSource();
            using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(text));
            var attach = pod.Runtime.Streaming.AttachAsync(id, new StreamingIo { Stdin = stdin, Stdout = output }, detach.Token);
            await output.WaitForAsync(text);
            await detach.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attach);
        }

        Assert.Equal(ContainerState.Running, (await pod.Runtime.Containers.ContainerStatusAsync(id, CancellationToken.None)).State);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Attach_ToATerminalContainer_TypesIntoItAndResizesIt()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main", "sh") with { Stdin = true, Tty = true };
        var id = await pod.RunAsync(config);
        var output = new CaptureStream();
        var sizes = Channel.CreateUnbounded<TerminalSize>();
        using var client = new AnonymousPipeServerStream(PipeDirection.Out);
        using var stdin = new AnonymousPipeClientStream(PipeDirection.In, client.ClientSafePipeHandle);
        using var detach = new CancellationTokenSource();

        var attach = pod.Runtime.Streaming.AttachAsync(id, new StreamingIo { Stdin = stdin, Stdout = output, Tty = true, Resize = sizes.Reader }, detach.Token);
        sizes.Writer.TryWrite(new TerminalSize(101, 33));
        // The resize and the typing travel separately: ask again until the shell sees the new size.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!output.Text.Contains("33 101", StringComparison.Ordinal))
        {
            await client.WriteAsync(Encoding.UTF8.GetBytes("stty size\n"), deadline.Token);
            await Task.Delay(100, deadline.Token);
        }
        await detach.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attach);
        Assert.Equal(ContainerState.Running, (await pod.Runtime.Containers.ContainerStatusAsync(id, CancellationToken.None)).State);
        Assert.Contains(await File.ReadAllLinesAsync(config.LogPath), l => l.Contains(" stdout F 33 101", StringComparison.Ordinal));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Attach_SeveralAttachers_EachGetTheOutput_AndAStuckOneBlocksNobody()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main", "sh", "-c", "i=0; while true; do echo tick-$i; echo tock-$i >&2; i=$((i+1)); sleep 0.02; done");
        var id = await pod.RunAsync(config);
        using var detach = new CancellationTokenSource();
        var (first, second, stuck) = (new CaptureStream(), new CaptureStream(), new CaptureStream { Stuck = true });

        var attaches = new[]
        {
            pod.Runtime.Streaming.AttachAsync(id, new StreamingIo { Stdout = first, Stderr = first }, detach.Token),
            pod.Runtime.Streaming.AttachAsync(id, new StreamingIo { Stdout = second }, detach.Token),
            pod.Runtime.Streaming.AttachAsync(id, new StreamingIo { Stdout = stuck }, detach.Token),
        };
        await first.WaitForAsync("tock-");
        var seen = int.Parse(first.Text.Split('\n').Last(l => l.StartsWith("tick-", StringComparison.Ordinal))[5..], System.Globalization.CultureInfo.InvariantCulture);
        // The stuck attacher's queue fills long before this; the log and the others keep going.
        await first.WaitForAsync($"tick-{seen + 300}\n");
        await second.WaitForAsync($"tick-{seen + 300}\n");
        await pod.WaitForLogAsync(config.LogPath, $"tick-{seen + 300}");
        await detach.CancelAsync();

        foreach (var attach in attaches)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attach);
        }
        Assert.DoesNotContain("tock-", second.Text, StringComparison.Ordinal);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task PortForward_CarriesBytesBothWays_AndSaysWhenNothingListens()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        await pod.RunAsync(pod.Container("web", "sh", "-c", "mkdir /tmp/www; echo served-from-the-pod > /tmp/www/index.html; exec httpd -f -p 8080 -h /tmp/www"));

        var response = await GetWhenListeningAsync(pod, 8080);
        var refused = await Assert.ThrowsAsync<RuntimeException>(() => pod.Runtime.Streaming.PortForwardAsync(pod.Id, 81, CancellationToken.None));

        Assert.StartsWith("HTTP/1.", response, StringComparison.Ordinal);
        Assert.Contains("served-from-the-pod", response, StringComparison.Ordinal);
        Assert.StartsWith("failed to connect to localhost:81 inside namespace", refused.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<string> GetWhenListeningAsync(Pod pod, int port)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Stream stream;
            try
            {
                stream = await pod.Runtime.Streaming.PortForwardAsync(pod.Id, port, deadline.Token);
            }
            catch (RuntimeException e) when (e.Message.Contains("connection refused", StringComparison.Ordinal))
            {
                // httpd is not listening yet.
                await Task.Delay(20, deadline.Token);
                continue;
            }
            await using (stream)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /index.html HTTP/1.0\r\nHost: pod\r\n\r\n"), deadline.Token);
                using var reader = new StreamReader(stream);
                return await reader.ReadToEndAsync(deadline.Token);
            }
        }
    }
}
