using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc;

/// <summary>How the pod's command, args, env, workingDir and user combine with the image config (image config-test:1: entrypoint [/bin/echo image-entrypoint], cmd [image-cmd], user 1000:1000, workdir /www).</summary>
public sealed class ContainerConfigTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task NoCommandNoArgs_RunsEntrypointWithCmd()
    {
        Assert.Equal("image-entrypoint image-cmd", await RunAsync([], []));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task ArgsOnly_ReplaceCmdAndKeepEntrypoint()
    {
        Assert.Equal("image-entrypoint pod-arg", await RunAsync([], ["pod-arg"]));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Command_ReplacesEntrypointAndDropsCmd()
    {
        Assert.Equal("", await RunAsync(["/bin/echo"], []));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Env_MergesOverImageAndUserAndWorkdirComeFromImage()
    {
        var output = await RunAsync(["sh", "-c"], ["echo $FROM_IMAGE $OVERRIDDEN $POD_ONLY $(pwd) $(id -u) $(id -g)"],
            env: [new("OVERRIDDEN", "pod"), new("POD_ONLY", "yes")]);

        Assert.Equal("image pod yes /www 1000 1000", output);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task SecurityContextAndWorkingDir_OverrideImage()
    {
        var output = await RunAsync(["sh", "-c"], ["echo $(pwd) $(id -u) $(id -g) $(id -G)"],
            configure: c => c with
            {
                WorkingDir = "/tmp",
                Security = new ContainerSecurity { RunAsUser = 4242, RunAsGroup = 4343, SupplementalGroups = [5000] },
            });

        Assert.Equal("/tmp 4242 4343 4343 5000", output);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task RunAsNonRoot_WithRootUser_IsRefused()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main", "true") with { Security = new ContainerSecurity { RunAsNonRoot = true } };

        var error = await Assert.ThrowsAsync<RuntimeException>(() => pod.Runtime.Containers.CreateContainerAsync(pod.Id, config, pod.Config, CancellationToken.None));

        Assert.Equal(RuntimeErrorCode.FailedPrecondition, error.Code);
        Assert.Contains("runAsNonRoot", error.Message);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task HostFilesystemContainer_SeesHostFilesReadOnly()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("host", "/bin/sh", "-c", "cat /etc/debian_version; touch /tandem-write-test 2>/dev/null && echo writable || echo read-only") with
        {
            Image = HostImage.Name,
        };

        var status = await pod.WaitForExitAsync(await pod.RunAsync(config));

        Assert.Equal(0, status.ExitCode);
        var lines = await Pod.LogLinesAsync(config.LogPath);
        Assert.Equal([File.ReadAllText("/etc/debian_version").Trim(), "read-only"], lines);
        Assert.False(File.Exists("/tandem-write-test"));
    }

    private static async Task<string> RunAsync(string[] command, string[] args, KeyValuePair<string, string>[]? env = null, Func<ContainerConfig, ContainerConfig>? configure = null)
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var config = pod.Container("main") with { Image = environment.ConfigTest, Command = command, Args = args, Env = env ?? [] };
        config = configure?.Invoke(config) ?? config;
        var status = await pod.WaitForExitAsync(await pod.RunAsync(config));
        Assert.Equal(0, status.ExitCode);
        return string.Join('\n', await Pod.LogLinesAsync(config.LogPath));
    }
}
