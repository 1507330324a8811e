using System.Text.Json;
using Tandem.Runtime.Tests.Fixtures;
using Tandem.Testing;

namespace Tandem.Runtime.Tests.Images;

public sealed class ImageStoreTests
{
    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Pull_ByTag_UnpacksOnceAndReadsImageConfig()
    {
        var environment = await Requirements.RequireAsync();
        var progress = new ListProgress();

        var image = await environment.Runtime.Images.PullImageAsync(environment.ConfigTest, null, progress, CancellationToken.None);

        Assert.StartsWith("sha256:", image.Id);
        Assert.Contains(environment.ConfigTest, image.RepoTags);
        Assert.Equal(["/bin/echo", "image-entrypoint"], image.Entrypoint);
        Assert.Equal(["image-cmd"], image.Cmd);
        Assert.Contains("FROM_IMAGE=image", image.Env);
        Assert.Equal("/www", image.WorkingDir);
        Assert.Equal("1000:1000", image.User);
        Assert.Equal("SIGQUIT", image.StopSignal);
        Assert.True(File.Exists(Path.Combine(environment.Runtime.Layout.ImageDirectory(image.Id), "rootfs", "bin", "busybox")));
        Assert.Equal(["resolving", "done"], new[] { progress.Stages[0], progress.Stages[^1] });
        Assert.Contains(progress.Stages, s => s.StartsWith("copying layer sha256:", StringComparison.Ordinal) || s == "copying config");
        Assert.Equal(environment.ConfigTest, (await environment.Runtime.Images.ImageStatusAsync(image.Id, CancellationToken.None))!.RepoTags.Single(t => t == environment.ConfigTest));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Pull_ByDigest_FindsTheSameImage()
    {
        var environment = await Requirements.RequireAsync();
        var inspect = await RuntimeEnvironment.RunAsync("skopeo", "inspect", "--tls-verify=false", $"docker://{environment.Busybox}");
        var digest = JsonDocument.Parse(inspect).RootElement.GetProperty("Digest").GetString();
        var byDigest = $"{environment.Registry.Address}/library/busybox@{digest}";

        var image = await environment.Runtime.Images.PullImageAsync(byDigest, null, null, CancellationToken.None);

        var byTag = await environment.Runtime.Images.ImageStatusAsync(environment.Busybox, CancellationToken.None);
        Assert.Equal(byTag!.Id, image.Id);
        Assert.Contains(byDigest, image.RepoDigests);
        Assert.Equal(image.Id, (await environment.Runtime.Images.ImageStatusAsync(byDigest, CancellationToken.None))!.Id);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Pull_MissingImage_IsNotFoundNamingRegistry()
    {
        var environment = await Requirements.RequireAsync();
        var missing = $"{environment.Registry.Address}/library/no-such-image:1";

        var error = await Assert.ThrowsAsync<RuntimeException>(() => environment.Runtime.Images.PullImageAsync(missing, null, null, CancellationToken.None));

        Assert.Equal(RuntimeErrorCode.NotFound, error.Code);
        Assert.StartsWith($"image \"{missing}\" not found in registry {environment.Registry.Address} (", error.Message);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Pull_FromRegistryThatIsDown_IsUnavailable()
    {
        var environment = await Requirements.RequireAsync();
        var down = $"127.0.0.1:{LocalRegistry.FreePort()}";

        var error = await Assert.ThrowsAsync<RuntimeException>(() => environment.Runtime.Images.PullImageAsync($"{down}/library/busybox:1.36", null, null, CancellationToken.None));

        Assert.Equal(RuntimeErrorCode.Unavailable, error.Code);
        Assert.Contains($"registry {down} is unreachable", error.Message);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Import_DockerAndOciArchives_ThenRemoveUntagsOnly()
    {
        var environment = await Requirements.RequireAsync();
        var images = environment.Runtime.Images;

        var fromDocker = await images.ImportImageAsync(Path.Combine(environment.ImagesDirectory, "busybox-docker.tar"), "imported/docker:1", CancellationToken.None);
        var fromOci = await images.ImportImageAsync(Path.Combine(environment.ImagesDirectory, "busybox-oci.tar"), "imported/oci:1", CancellationToken.None);

        Assert.Contains("docker.io/imported/docker:1", fromDocker.RepoTags);
        Assert.Contains("docker.io/imported/oci:1", fromOci.RepoTags);
        Assert.NotNull(await images.ImageStatusAsync("imported/oci:1", CancellationToken.None));
        await images.RemoveImageAsync("imported/oci:1", CancellationToken.None);
        await images.RemoveImageAsync("imported/docker:1", CancellationToken.None);
        Assert.Null(await images.ImageStatusAsync("imported/oci:1", CancellationToken.None));
        Assert.Null(await images.ImageStatusAsync("imported/docker:1", CancellationToken.None));
        // Those names shared the image with busybox:1.36, which must still be there, unpacked.
        var busybox = await images.ImageStatusAsync(environment.Busybox, CancellationToken.None);
        Assert.True(Directory.Exists(Path.Combine(environment.Runtime.Layout.ImageDirectory(busybox!.Id), "rootfs", "bin")));
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Import_NotAnArchive_IsInvalidArgument()
    {
        var environment = await Requirements.RequireAsync();
        var bogus = Path.Combine(environment.Root, "not-an-image.tar");
        await File.WriteAllTextAsync(bogus, "hello");

        var error = await Assert.ThrowsAsync<RuntimeException>(() => environment.Runtime.Images.ImportImageAsync(bogus, "bogus:1", CancellationToken.None));

        Assert.Equal(RuntimeErrorCode.InvalidArgument, error.Code);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task Remove_WhileAContainerUsesIt_IsRefused()
    {
        var environment = await Requirements.RequireAsync();
        await using var pod = await Pod.StartAsync(environment);
        await pod.Runtime.Containers.CreateContainerAsync(pod.Id, pod.Container("main", "true") with { Image = environment.ConfigTest }, pod.Config, CancellationToken.None);

        var error = await Assert.ThrowsAsync<RuntimeException>(() => environment.Runtime.Images.RemoveImageAsync(environment.ConfigTest, CancellationToken.None));

        Assert.Equal(RuntimeErrorCode.FailedPrecondition, error.Code);
        Assert.Contains("\"main\"", error.Message);
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task HostImage_NeedsNoPull()
    {
        var environment = await Requirements.RequireAsync();

        var image = await environment.Runtime.Images.PullImageAsync(HostImage.Name, null, null, CancellationToken.None);

        Assert.Equal(image, await environment.Runtime.Images.ImageStatusAsync(HostImage.Name, CancellationToken.None));
    }

    /// <summary>Records progress synchronously (Progress&lt;T&gt; would post to the thread pool and race the assertions).</summary>
    private sealed class ListProgress : IProgress<PullProgress>
    {
        public List<string> Stages { get; } = [];

        public void Report(PullProgress value)
        {
            lock (Stages)
            {
                Stages.Add(value.Stage);
            }
        }
    }
}
