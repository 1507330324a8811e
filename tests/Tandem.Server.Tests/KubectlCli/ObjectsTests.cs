using Tandem.Server.Tests.Support;
using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.KubectlCli;

/// <summary>ConfigMaps, Secrets, namespaces and events through kubectl, plus version and cluster-info.</summary>
public sealed class ObjectsTests(ServerNode node) : IClassFixture<ServerNode>
{
    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task VersionAndClusterInfo(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        // 1.27 prints version.Info{... GitVersion:"v1.33.0" ...}, later ones "Server Version: v1.33.0".
        Assert.Matches(@"Server Version: (v1\.33\.0|version\.Info\{.*GitVersion:""v1\.33\.0"")", await kubectl.SucceedAsync("version"));
        // cluster-info colours its output even without a terminal.
        var info = System.Text.RegularExpressions.Regex.Replace(await kubectl.SucceedAsync("cluster-info"), "\u001b\\[[0-9;]*m", "");
        Assert.Contains($"Kubernetes control plane is running at {node.Server.Address.ToString().TrimEnd('/')}", info, StringComparison.Ordinal);
    }

    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task ConfigMapsAndSecrets_CreateGetUpdateDelete(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        var ns = $"objs{minor}";
        Assert.Equal($"namespace/{ns} created", (await kubectl.SucceedAsync("create", "namespace", ns)).Trim());
        Assert.Equal("configmap/settings created", (await kubectl.SucceedAsync("-n", ns, "create", "configmap", "settings", "--from-literal=mode=fast")).Trim());
        var again = await kubectl.RunAsync("-n", ns, "create", "configmap", "settings", "--from-literal=mode=fast");
        Assert.Equal("error: failed to create configmap: configmaps \"settings\" already exists\n", again.Stderr);
        Assert.Matches(@"settings\s+1\s+\d+s", await kubectl.SucceedAsync("-n", ns, "get", "configmaps"));
        Assert.Equal("fast", await kubectl.SucceedAsync("-n", ns, "get", "cm", "settings", "-o", "jsonpath={.data.mode}"));
        await kubectl.SucceedAsync("-n", ns, "patch", "configmap", "settings", "--type=merge", "-p", "{\"data\":{\"mode\":\"slow\"}}");
        Assert.Equal("slow", await kubectl.SucceedAsync("-n", ns, "get", "cm", "settings", "-o", "jsonpath={.data.mode}"));
        Assert.Equal("configmap \"settings\" deleted", (await kubectl.SucceedAsync("-n", ns, "delete", "configmap", "settings")).Trim());

        Assert.Equal("secret/token created", (await kubectl.SucceedAsync("-n", ns, "create", "secret", "generic", "token", "--from-literal=key=s3cret")).Trim());
        // kubectl's own wording, colon missing, for every version.
        var twice = await kubectl.RunAsync("-n", ns, "create", "secret", "generic", "token", "--from-literal=key=s3cret");
        Assert.Equal("error: failed to create secret secrets \"token\" already exists\n", twice.Stderr);
        Assert.Matches(@"token\s+Opaque\s+1\s+\d+s", await kubectl.SucceedAsync("-n", ns, "get", "secrets"));
        Assert.Equal(Convert.ToBase64String("s3cret"u8.ToArray()), await kubectl.SucceedAsync("-n", ns, "get", "secret", "token", "-o", "jsonpath={.data.key}"));
        await kubectl.SucceedAsync("-n", ns, "delete", "secret", "token");

        Assert.Matches($@"{ns}\s+Active\s+\d+s", await kubectl.SucceedAsync("get", "namespaces"));
        Assert.Equal($"namespace \"{ns}\" deleted", (await kubectl.SucceedAsync("delete", "namespace", ns)).Trim());
        var builtin = await kubectl.RunAsync("create", "namespace", "default");
        Assert.Equal("Error from server (AlreadyExists): namespaces \"default\" already exists\n", builtin.Stderr);
        var gone = await kubectl.RunAsync("get", "namespace", ns);
        Assert.Contains($"namespaces \"{ns}\" not found", gone.Stderr, StringComparison.Ordinal);
    }

    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task DeletingANamespace_DeletesItsPodsAndIsTerminatingUntilThen(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        var ns = $"doomed{minor}";
        var (code, _) = await Requests.SendAsync(node.Http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods", node.PodJson("p", "trap 'sleep 1; exit 0' TERM; while true; do sleep 0.1; done", ns, grace: 5));
        Assert.Equal(201, code);
        await kubectl.SucceedAsync("-n", ns, "wait", "--for=condition=Ready", "pod/p", "--timeout=60s");
        Assert.Equal($"namespace \"{ns}\" deleted", (await kubectl.SucceedAsync("delete", "namespace", ns, "--wait=false")).Trim());
        Assert.Matches($@"{ns}\s+Terminating\s+\d+s", await kubectl.SucceedAsync("get", "namespace", ns));
        var refused = await kubectl.RunAsync("-n", ns, "create", "configmap", "late", "--from-literal=a=b");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"unable to create new content in namespace {ns} because it is being terminated", refused.Stderr, StringComparison.Ordinal);
        await KubectlRun.EventuallyAsync(async () => (await kubectl.RunAsync("get", "namespace", ns)).Stderr.Contains($"namespaces \"{ns}\" not found", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the namespace to go");
        Assert.Equal(404, (await Requests.GetAsync(node.Http, $"/api/v1/namespaces/{ns}/pods/p")).Code);
    }

    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task GetEvents_ShowsTheKubeletsEventsForAPod(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        var ns = $"ev{minor}";
        var (code, _) = await Requests.SendAsync(node.Http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods", node.PodJson("e", "sleep 60", ns, grace: 1));
        Assert.Equal(201, code);
        await kubectl.SucceedAsync("-n", ns, "wait", "--for=condition=Ready", "pod/e", "--timeout=60s");
        var events = await kubectl.SucceedAsync("-n", ns, "get", "events");
        Assert.Matches(@"LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE", events);
        Assert.Matches($@"\d+s\s+Normal\s+Scheduled\s+pod/e\s+Successfully assigned {ns}/e to tandem", events);
        Assert.Matches(@"Normal\s+Started\s+pod/e\s+Started container main", events);
        Assert.Matches($@"{ns}\s+\d+s\s+Normal\s+Created\s+pod/e", await kubectl.SucceedAsync("get", "ev", "-A"));
        await kubectl.SucceedAsync("-n", ns, "delete", "pod", "e", "--now");
    }
}
