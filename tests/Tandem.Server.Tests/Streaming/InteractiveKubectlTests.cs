using Tandem.Runtime;
using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.Streaming;

/// <summary><c>kubectl exec -it</c> and <c>attach</c> from a real terminal, on every version and transport.</summary>
public sealed class InteractiveKubectlTests
{
    public static IEnumerable<object[]> Transports => ExecKubectlTests.Transports;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ExecIt_GivesAShellOnATerminalThatFollowsResizes(int minor, string webSockets)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor), "cmd:setsid");
        await using var host = await StreamingTestHost.StartAsync();
        await using var terminal = Start(host, minor, webSockets, "exec", "-it", "web", "--", "sh");

        // The shell sees kubectl's terminal size (sent at start) and then the new one after a resize (SIGWINCH).
        await WaitForSizeAsync(host, new TerminalSize(100, 30));
        await terminal.TypeAsync("stty size\n");
        var at = await terminal.WaitForAsync("30 100");
        terminal.Resize(40, 120);
        await WaitForSizeAsync(host, new TerminalSize(120, 40));
        await terminal.TypeAsync("stty size; echo t''ty=$(tty | cut -c1-8)\n");
        at = await terminal.WaitForAsync("40 120", at);
        await terminal.WaitForAsync("tty=/dev/pts", at);
        await terminal.TypeAsync("exit 7\n");

        Assert.Equal(7, await terminal.WaitForExitAsync());
        Assert.Contains("command terminated with exit code 7", terminal.Screen, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task Attach_ConnectsToTheMainProcess(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var host = await StreamingTestHost.StartAsync();

        var result = await host.Kubectl(minor).RunAsync(["attach", "-i", "web", "-c", "main"], stdin: "attached\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("attached\n", result.Stdout, StringComparison.Ordinal);
    }

    private static TerminalSession Start(StreamingTestHost host, int minor, string webSockets, params string[] args)
    {
        var (home, kubeconfig) = host.NewHome();
        var environment = new Dictionary<string, string> { ["HOME"] = home };
        if (webSockets.Length > 0)
        {
            environment["KUBECTL_REMOTE_COMMAND_WEBSOCKETS"] = webSockets;
        }
        return new TerminalSession([KubectlVersions.PathOf(minor), "--kubeconfig", kubeconfig, .. args], environment, 30, 100);
    }

    private static async Task WaitForSizeAsync(StreamingTestHost host, TerminalSize size)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            lock (host.Pods.Resizes)
            {
                if (host.Pods.Resizes.Contains(size))
                {
                    return;
                }
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"the server never received the resize to {size}");
    }
}
