using Tandem.Runtime.Runc.SubPaths;
using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Runc.SubPaths;

/// <summary>The e2e shape of the kubelet's subPath suite: a container plants symlinks in a shared volume; none of them resolves, and a safe subPath mounts through its descriptor.</summary>
public sealed class SubPathContainerTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task SymlinksPlantedByAContainer_AreRefused_AndASafeSubPathMounts()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        var volume = Directory.CreateDirectory(Path.Combine(environment.Root, "volumes", Guid.NewGuid().ToString("N"))).FullName;
        var planter = pod.Container("planter", "sh", "-c",
            "ln -s /bin /vol/dir-out; ln -s /bin/sh /vol/file-out; ln -s /bin/notanexistingpath /vol/missing-out; ln -s ../ /vol/back; mkdir /vol/good; echo safe > /vol/good/file") with
        {
            Mounts = [new Mount(volume, "/vol", ReadOnly: false)],
        };
        Assert.Equal(0, (await pod.WaitForExitAsync(await pod.RunAsync(planter))).ExitCode);

        foreach (var hostile in new[] { "dir-out", "file-out", "missing-out", "back", "back/etc" })
        {
            Assert.Throws<RuntimeException>(() => SafeSubPath.Open(volume, hostile).Dispose());
        }
        var stable = Path.Combine(environment.Root, "volume-subpaths", Guid.NewGuid().ToString("N"));
        using (var good = SafeSubPath.Open(volume, "good"))
        {
            good.BindTo(stable);
        }
        try
        {
            var reader = pod.Container("reader", "cat", "/mnt/sub/file") with { Mounts = [new Mount(stable, "/mnt/sub", ReadOnly: true)] };
            var status = await pod.WaitForExitAsync(await pod.RunAsync(reader));

            Assert.Equal(0, status.ExitCode);
            Assert.Equal(["safe"], await Pod.LogLinesAsync(reader.LogPath));
        }
        finally
        {
            await RuntimeEnvironment.RunAsync("umount", stable);
        }
    }
}
