using System.Diagnostics;
using System.Text.RegularExpressions;
using Tandem.Server.Tests.Streaming;
using Tandem.Server.Tests.Support;
using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.KubectlCli;

/// <summary>
/// The seed walkthrough as a person does it: apply the repository's sidecar pod with kubectl, wait for it, open a
/// shell in the main container with <c>exec -it</c>, fetch localhost and find there what the sidecar wrote.
/// </summary>
public sealed partial class WalkthroughTests(ServerNode node) : IClassFixture<ServerNode>
{
    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task SidecarPod_ExecIntoMain_FetchesWhatTheSidecarWrote(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor), "cmd:setsid");
        var kubectl = node.Kubectl(minor);
        var ns = $"walk{minor}";
        var manifest = Path.Combine(node.Root, $"sidecar-pod-{minor}.yaml");
        // The example names Docker Hub's busybox; the tests pull the same image from their local registry.
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "examples", "sidecar-pod.yaml"));
        await File.WriteAllTextAsync(manifest, text.Replace("image: busybox:1.36", "image: " + node.Busybox, StringComparison.Ordinal));

        Assert.Equal("pod/web created\n", await kubectl.SucceedAsync("apply", "-n", ns, "-f", manifest));
        await kubectl.SucceedAsync("wait", "-n", ns, "--for=condition=Ready", "pod/web", "--timeout=90s");

        var home = Path.Combine(node.Root, "walk-home-" + minor);
        Directory.CreateDirectory(home);
        await using var terminal = new TerminalSession(
            [KubectlVersions.PathOf(minor), "--kubeconfig", node.Kubeconfig, "-n", ns, "exec", "-it", "web", "-c", "main", "--", "sh"],
            new Dictionary<string, string> { ["HOME"] = home }, 30, 100);
        await terminal.TypeAsync("echo \"page: $(wget -qO- http://localhost:8080/ | tail -n 1)\"; exit\n");
        Assert.Equal(0, await terminal.WaitForExitAsync());

        var page = PageLine().Matches(terminal.Screen).Select(m => m.Groups[1].Value.TrimEnd('\r')).LastOrDefault(v => v.Length > 0);
        Assert.False(page is null, terminal.Screen);
        var written = await kubectl.SucceedAsync("logs", "-n", ns, "web", "-c", "content");
        Assert.Contains("wrote " + page, written, StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        await kubectl.SucceedAsync("delete", "-n", ns, "pod/web");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"delete took {clock.Elapsed}");
    }

    [GeneratedRegex(@"page: ([^\r\n]*)")]
    private static partial Regex PageLine();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tandem.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Tandem.slnx above {AppContext.BaseDirectory}");
    }
}
