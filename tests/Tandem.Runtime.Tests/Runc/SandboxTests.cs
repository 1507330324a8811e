using System.Net.Http;
using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

public sealed class SandboxTests
{
    private const string WaitForServer = "for i in $(seq 200); do wget -q -O - http://localhost:8080/index.html && exit 0; sleep 0.05; done; exit 1";

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Sandbox_GivesContainersHostnameAndHostsWithAliases()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment, c => c with
        {
            Hostname = "web-0",
            HostAliases = [new HostAliasEntry("10.1.2.3", ["foo.local", "bar.local"])],
        });
        var config = pod.Container("main", "sh", "-c", "hostname; cat /etc/hostname; cat /etc/hosts; echo HOSTNAME=$HOSTNAME");

        var status = await pod.WaitForExitAsync(await pod.RunAsync(config));

        Assert.Equal(0, status.ExitCode);
        var lines = await Pod.LogLinesAsync(config.LogPath);
        Assert.Equal("web-0", lines[0]);
        Assert.Equal("web-0", lines[1]);
        Assert.Contains("127.0.0.1\tlocalhost", lines);
        Assert.Contains("10.1.2.3\tfoo.local\tbar.local", lines);
        Assert.Contains("HOSTNAME=web-0", lines);
        var sandbox = await pod.Runtime.Sandboxes.PodSandboxStatusAsync(pod.Id, CancellationToken.None);
        Assert.True(sandbox.Ready);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Containers_ShareLoopbackAndAVolume()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var volume = Directory.CreateDirectory(Path.Combine(environment.Root, "volumes", Guid.NewGuid().ToString("N"))).FullName;
        Mount[] mounts = [new Mount(volume, "/data", ReadOnly: false)];
        var writer = pod.Container("writer", "sh", "-c", "echo written-by-writer > /data/index.html") with { Mounts = mounts };
        Assert.Equal(0, (await pod.WaitForExitAsync(await pod.RunAsync(writer))).ExitCode);
        await pod.RunAsync(pod.Container("server", "httpd", "-f", "-p", "127.0.0.1:8080", "-h", "/data") with { Mounts = mounts });
        var client = pod.Container("client", "sh", "-c", WaitForServer);

        var status = await pod.WaitForExitAsync(await pod.RunAsync(client));

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("written-by-writer", await Pod.LogLinesAsync(client.LogPath));
        Assert.Equal("written-by-writer\n", await File.ReadAllTextAsync(Path.Combine(volume, "index.html")));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task ShareProcessNamespace_LetsContainersSeeEachOther()
    {
        var environment = await Requirements.RequireAsync();
        await using var shared = await Pod.StartAsync(environment, c => c with { ShareProcessNamespace = true });
        await using var separate = await Pod.StartAsync(environment);

        var inShared = await PsAsync(shared);
        var inSeparate = await PsAsync(separate);

        Assert.Contains(inShared, l => l.Contains("sleep 1000", StringComparison.Ordinal));
        Assert.DoesNotContain(inSeparate, l => l.Contains("sleep 1000", StringComparison.Ordinal));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task HostPort_ForwardsFromHostLoopbackIntoSandbox()
    {
        var environment = await Requirements.RequireAsync();
        var hostPort = LocalRegistry.FreePort();
        await using var pod = await Pod.StartAsync(environment, c => c with { PortMappings = [new PortMapping("TCP", 8080, hostPort, null)] });
        await pod.RunAsync(pod.Container("server", "httpd", "-f", "-p", "8080", "-h", "/www"));
        using var http = new HttpClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        string? body = null;
        while (body is null)
        {
            try
            {
                body = await http.GetStringAsync($"http://127.0.0.1:{hostPort}/index.html", deadline.Token);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, deadline.Token);
            }
        }

        Assert.Equal("hello from the image\n", body);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task NamespacedSysctls_ApplyToThePod()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment, c => c with
        {
            Sysctls = new Dictionary<string, string> { ["net.ipv4.ip_unprivileged_port_start"] = "79" },
        });
        var config = pod.Container("main", "cat", "/proc/sys/net/ipv4/ip_unprivileged_port_start");

        Assert.Equal(0, (await pod.WaitForExitAsync(await pod.RunAsync(config))).ExitCode);

        Assert.Equal(["79"], await Pod.LogLinesAsync(config.LogPath));
    }

    private static async Task<string[]> PsAsync(Pod pod)
    {
        await pod.RunAsync(pod.Container("sleeper", "sleep", "1000"));
        var ps = pod.Container("ps", "ps", "-o", "pid,args");
        Assert.Equal(0, (await pod.WaitForExitAsync(await pod.RunAsync(ps))).ExitCode);
        return await Pod.LogLinesAsync(ps.LogPath);
    }
}
