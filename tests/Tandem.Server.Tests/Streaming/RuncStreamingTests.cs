using System.Diagnostics;
using System.Net;
using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Node;
using Tandem.Node.Store;
using Tandem.Runtime.Runc;
using Tandem.Server.Streaming;
using Tandem.Testing;
using Tandem.Testing.Kubectl;
using Tandem.Testing.Runtime;

namespace Tandem.Server.Tests.Streaming;

/// <summary>End to end: kubectl → streaming routes → Kubelet → runc, on a real busybox pod.</summary>
public sealed class RuncStreamingTests
{
    private const string Prerequisite = "root";

    [PrerequisiteTheory(Prerequisite, "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip")]
    [InlineData(27, "")]
    [InlineData(33, "true")]
    [InlineData(33, "false")]
    public async Task Exec_InARuncContainer_ReportsOutputAndExitCode(int minor, string webSockets)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var node = await RuncNode.StartAsync();
        await using var host = await node.ServeAsync();
        var kubectl = ExecKubectlTests.Configure(host.Kubectl(minor), webSockets);

        var result = await kubectl.RunAsync(["exec", "-i", "web", "-c", "main", "--", "sh", "-c", "cat; echo err >&2; hostname; exit 4"], stdin: "in\n");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal("in\nweb\n", result.Stdout);
        Assert.StartsWith("err\n", result.Stderr, StringComparison.Ordinal);
    }

    [PrerequisiteTheory(Prerequisite, "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip")]
    [InlineData(27)]
    [InlineData(33)]
    public async Task PortForward_ReachesAServerInThePodsNetwork(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var node = await RuncNode.StartAsync();
        await using var host = await node.ServeAsync();
        var kubectl = host.Kubectl(minor);
        var (forward, localPort) = await PortForwardProcess.StartAsync(kubectl, "web", 8080);
        await using var _ = forward;

        using var http = new HttpClient();
        var body = await http.GetStringAsync($"http://127.0.0.1:{localPort}/index.html");

        Assert.Equal("hello-from-pod\n", body);
    }

    [PrerequisiteTheory(Prerequisite, "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "cmd:setsid")]
    [InlineData(27, "")]
    [InlineData(33, "")]
    public async Task ExecIt_GivesAShellInTheContainerThatFollowsResizes(int minor, string webSockets)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var node = await RuncNode.StartAsync();
        await using var host = await node.ServeAsync();
        var (home, kubeconfig) = host.NewHome();
        var environment = new Dictionary<string, string> { ["HOME"] = home };
        if (webSockets.Length > 0)
        {
            environment["KUBECTL_REMOTE_COMMAND_WEBSOCKETS"] = webSockets;
        }
        await using var terminal = new TerminalSession(
            [KubectlVersions.PathOf(minor), "--kubeconfig", kubeconfig, "exec", "-it", "web", "--", "sh"], environment, 30, 100);

        // The first size reaches the container's terminal asynchronously: ask until it shows.
        var at = await AskUntilAsync(terminal, "stty size\n", "30 100");
        terminal.Resize(40, 120);
        at = await AskUntilAsync(terminal, "stty size\n", "40 120", at);
        await terminal.TypeAsync("hostname; exit 6\n");

        Assert.Equal(6, await terminal.WaitForExitAsync());
        Assert.Contains("web", terminal.Screen[at..], StringComparison.Ordinal);
    }

    [PrerequisiteTheory(Prerequisite, "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip")]
    [InlineData(33)]
    public async Task Attach_ShowsTheMainProcessOutput(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var node = await RuncNode.StartAsync("while true; do echo tick; sleep 0.2; done");
        await using var host = await node.ServeAsync();
        var kubectl = host.Kubectl(minor);

        using var attach = kubectl.Start(["attach", "web", "-c", "main"]);
        var line = await attach.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        attach.Kill();
        await attach.WaitForExitAsync();

        Assert.Equal("tick", line);
    }

    [PrerequisiteTheory(Prerequisite, "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip")]
    [InlineData(33)]
    public async Task Exec_IntoAnUnknownContainer_IsABadRequest(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var node = await RuncNode.StartAsync();
        await using var host = await node.ServeAsync();

        var result = await host.Kubectl(minor).RunAsync("exec", "web", "-c", "nope", "--", "true");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("container nope is not valid for pod web", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<int> AskUntilAsync(TerminalSession terminal, string command, string answer, int after = 0)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await terminal.TypeAsync(command);
            try
            {
                return await terminal.WaitForAsync(answer, after, TimeSpan.FromSeconds(2));
            }
            catch (TimeoutException) when (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                // Not applied yet; ask again.
            }
        }
    }

    /// <summary>
    /// A Kubelet on runc built as the daemon builds it (no explicit streaming runtime: the runc container runtime serves
    /// exec, attach and port-forward), with its own state root and host prefix, running pod <c>web</c>.
    /// </summary>
    private sealed class RuncNode : IAsyncDisposable
    {
        private readonly string _root;

        private readonly RuncRuntimeOptions _options;

        private RuncNode(string root, RuncRuntimeOptions options, Kubelet kubelet)
        {
            _root = root;
            _options = options;
            Kubelet = kubelet;
        }

        public Kubelet Kubelet { get; }

        public static async Task<RuncNode> StartAsync(string script = "echo hello-from-pod > /tmp/index.html; exec httpd -f -p 8080 -h /tmp")
        {
            var environment = await Requirements.RequireAsync();
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var root = Path.Combine(environment.Root, "str-" + suffix);
            var options = new RuncRuntimeOptions { StateRoot = Path.Combine(root, "state"), HostPrefix = "ts" + suffix, DockerConfigPath = null };
            var runtime = new RuncRuntime(options);
            var kubelet = new Kubelet(new NodeOptions { StateDirectory = Path.Combine(root, "node"), NodeName = "tandem" },
                runtime.Sandboxes, runtime.Containers, runtime.Images);
            await kubelet.StartAsync(CancellationToken.None);
            var node = new RuncNode(root, options, kubelet);
            kubelet.Apply(Tandem.Model.Defaulting.PodDefaults.Apply(new Pod
            {
                ApiVersion = "v1",
                Kind = "Pod",
                Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
                Spec = new PodSpec
                {
                    Containers =
                    [
                        new Container
                        {
                            Name = "main",
                            Image = environment.Busybox,
                            Command = ["sh", "-c", script],
                        },
                    ],
                },
            }));
            await node.WaitForRunningAsync();
            return node;
        }

        public Task<StreamingTestHost> ServeAsync() =>
            StreamingTestHost.StartAsync(new KubeletPodStreams(Kubelet), (ns, name) => Kubelet.Get(new PodKey(ns, name)));

        public async ValueTask DisposeAsync()
        {
            await Kubelet.DeleteAsync(new PodKey("default", "web"), 0, CancellationToken.None);
            await Kubelet.DisposeAsync();
            // Sessions that ended (exec processes, port-forward connections) must leave nothing behind either.
            var clock = Stopwatch.StartNew();
            var leftovers = Leftovers.Find(_options);
            while (leftovers.Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(200);
                leftovers = Leftovers.Find(_options);
            }
            Assert.True(leftovers.Count == 0, "leaked: " + string.Join(", ", leftovers));
            if (!File.ReadAllText("/proc/self/mountinfo").Contains(_root, StringComparison.Ordinal) && Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }

        private async Task WaitForRunningAsync()
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                var pod = Kubelet.Get(new PodKey("default", "web"));
                if (pod?.Status?.ContainerStatuses is [{ State.Running: not null }])
                {
                    return;
                }
                await Task.Delay(100);
            }
            throw new TimeoutException("pod web never ran");
        }
    }
}
