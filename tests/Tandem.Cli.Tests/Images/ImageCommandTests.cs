using System.Text.Json;
using Tandem.Testing;

namespace Tandem.Cli.Tests.Images;

/// <summary><c>tandem image</c> end to end: real skopeo, umoci and a real registry on 127.0.0.1, one state directory per test.</summary>
public sealed class ImageCommandTests
{
    [PrerequisiteFact("root", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "file:/bin/busybox")]
    public async Task Pull_WithoutTerminal_PrintsOneLinePerStage_ThenIdAndDigest()
    {
        var environment = await ImageEnvironment.RequireAsync();
        var state = environment.NewStateDirectory();

        var pulled = await ImageCli.Run(state, "pull", environment.Busybox);

        Assert.True(pulled.Exit == 0, pulled.ToString());
        var lines = pulled.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{environment.Busybox}: resolving", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{environment.Busybox}: copying layer sha256:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{environment.Busybox}: unpacking", StringComparison.Ordinal));
        Assert.StartsWith($"{environment.Busybox}: done (", lines[^2]);
        Assert.Matches($@"^Pulled {System.Text.RegularExpressions.Regex.Escape(environment.Busybox)} \(image id sha256:[0-9a-f]{{64}}, digest sha256:[0-9a-f]{{64}}, [0-9.]+[kM]B\)$", lines[^1]);
        Assert.DoesNotContain('\r', pulled.Output);
        Assert.DoesNotContain('\e', pulled.Output);
        Assert.Equal("", pulled.Error);
    }

    [PrerequisiteFact("root", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "file:/bin/busybox")]
    public async Task Pull_Quiet_PrintsOnlyTheImageId_WhichListShows()
    {
        var environment = await ImageEnvironment.RequireAsync();
        var state = environment.NewStateDirectory();

        var pulled = await ImageCli.Run(state, "pull", "-q", environment.ConfigTest);
        var listed = await ImageCli.Run(state, "ls");

        Assert.True(pulled.Exit == 0, pulled.ToString());
        var id = pulled.Output.Trim();
        Assert.Matches("^sha256:[0-9a-f]{64}$", id);
        var rows = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^IMAGE +TAG +IMAGE ID +SIZE$", rows[0]);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(environment.Registry)}/library/config-test +1 +{id[7..19]} +[0-9.]+[kM]B$", rows[1]);
        Assert.Equal(2, rows.Length);
    }

    [PrerequisiteFact("root", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "file:/bin/busybox")]
    public async Task Pull_ImageTheRegistryLacks_FailsWithExit1_NamingImageAndRegistry()
    {
        var environment = await ImageEnvironment.RequireAsync();
        var missing = $"{environment.Registry}/library/no-such-image:1";

        var pulled = await ImageCli.Run(environment.NewStateDirectory(), "pull", "--quiet", missing);

        Assert.Equal(1, pulled.Exit);
        Assert.StartsWith($"tandem image pull: image \"{missing}\" not found in registry {environment.Registry}", pulled.Error);
    }

    [PrerequisiteFact("root", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "file:/bin/busybox")]
    public async Task Pull_MalformedName_IsAUsageError()
    {
        var environment = await ImageEnvironment.RequireAsync();

        var pulled = await ImageCli.Run(environment.NewStateDirectory(), "pull", "busybox:");

        Assert.Equal(2, pulled.Exit);
        Assert.Equal("tandem image pull: \"busybox:\" is not a valid image name; write it as [registry/]repository[:tag][@digest]\n", pulled.Error);
    }

    [PrerequisiteFact("root", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "file:/bin/busybox")]
    public async Task Pull_WithCredentialsWithoutColon_IsAUsageError()
    {
        var environment = await ImageEnvironment.RequireAsync();

        var pulled = await ImageCli.Run(environment.NewStateDirectory(), "pull", "--creds", "justauser", environment.Busybox);

        Assert.Equal(2, pulled.Exit);
        Assert.Equal("tandem image pull: --creds must be user:password\n", pulled.Error);
    }

    [PrerequisiteFact("root", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "file:/bin/busybox")]
    public async Task Import_DockerAndOciArchives_AreListedInJson()
    {
        var environment = await ImageEnvironment.RequireAsync();
        var state = environment.NewStateDirectory();

        var docker = await ImageCli.Run(state, "import", Path.Combine(environment.Built, "busybox-docker.tar"), "--name", "example/docker:1");
        var oci = await ImageCli.Run(state, "import", Path.Combine(environment.Built, "busybox-oci.tar"), "--name", "registry.test:5000/example/oci:2");
        var listed = await ImageCli.Run(state, "ls", "-o", "json");

        Assert.True(docker.Exit == 0, docker.ToString());
        Assert.True(oci.Exit == 0, oci.ToString());
        Assert.StartsWith("Imported docker.io/example/docker:1 (image id sha256:", docker.Output);
        Assert.StartsWith("Imported registry.test:5000/example/oci:2 (image id sha256:", oci.Output);
        var images = JsonDocument.Parse(listed.Output).RootElement.GetProperty("images").EnumerateArray().ToList();
        var tags = images.SelectMany(i => i.GetProperty("repoTags").EnumerateArray().Select(t => t.GetString())).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["docker.io/example/docker:1", "registry.test:5000/example/oci:2"], tags);
        Assert.All(images, i => Assert.True(i.GetProperty("size").GetInt64() > 500_000));
        Assert.All(images, i => Assert.StartsWith("sha256:", i.GetProperty("id").GetString()));
    }

    [PrerequisiteFact("root", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "file:/bin/busybox")]
    public async Task Import_FileThatIsNotAnImage_IsAUsageErrorNamingTheFile()
    {
        var environment = await ImageEnvironment.RequireAsync();
        var state = environment.NewStateDirectory();
        var notAnImage = Path.Combine(environment.Root, $"not-an-image-{Guid.NewGuid():N}.tar");
        await File.WriteAllTextAsync(notAnImage, "hello");

        var imported = await ImageCli.Run(state, "import", notAnImage, "--name", "x:1");
        var fromEmptyDirectory = await ImageCli.Run(state, "import", environment.Root, "--name", "x:1");
        var listed = await ImageCli.Run(state, "ls", "-o", "json");

        Assert.Equal(2, imported.Exit);
        Assert.StartsWith($"tandem image import: {notAnImage} is not a tar archive", imported.Error);
        Assert.Equal(2, fromEmptyDirectory.Exit);
        Assert.StartsWith($"tandem image import: {environment.Root} is a directory but not an OCI image layout", fromEmptyDirectory.Error);
        Assert.Empty(JsonDocument.Parse(listed.Output).RootElement.GetProperty("images").EnumerateArray());
    }

    [PrerequisiteFact("root", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "file:/bin/busybox")]
    public async Task Remove_SecondNameOnlyUntags_LastNameDeletes_MissingFailsButOthersStillGo()
    {
        var environment = await ImageEnvironment.RequireAsync();
        var state = environment.NewStateDirectory();
        var archive = Path.Combine(environment.Built, "busybox-oci.tar");
        Assert.Equal(0, (await ImageCli.Run(state, "import", archive, "--name", "first:1")).Exit);
        Assert.Equal(0, (await ImageCli.Run(state, "import", archive, "--name", "second:1")).Exit);

        var untagged = await ImageCli.Run(state, "rm", "first:1");
        var deleted = await ImageCli.Run(state, "rm", "no-such:1", "second:1");
        var listed = await ImageCli.Run(state, "ls");

        Assert.True(untagged.Exit == 0, untagged.ToString());
        Assert.Equal("Untagged: first:1\n", untagged.Output);
        Assert.Equal(1, deleted.Exit);
        Assert.Equal("tandem image rm: image \"no-such:1\" is not present on this node\n", deleted.Error);
        Assert.Matches("^Deleted: sha256:[0-9a-f]{64}\n$", deleted.Output);
        Assert.Equal("IMAGE   TAG   IMAGE ID   SIZE\n", listed.Output);
    }
}
