using Tandem.Cli.Images;

namespace Tandem.Cli.Tests.Images;

public sealed class ImportSourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tandem-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void MissingPath_IsNamed()
    {
        var missing = Path.Combine(_directory, "nope.tar");

        Assert.StartsWith($"{missing} does not exist; give a docker-archive tar", ImportSource.Problem(missing));
    }

    [Fact]
    public void FileThatIsNotATar_IsNamed()
    {
        var file = Path.Combine(_directory, "image.tar");
        File.WriteAllText(file, new string('x', 2000));

        Assert.StartsWith($"{file} is not a tar archive (no ustar header)", ImportSource.Problem(file));
    }

    [Fact]
    public void DirectoryWithoutLayout_IsNamed()
    {
        Assert.StartsWith($"{_directory} is a directory but not an OCI image layout", ImportSource.Problem(_directory));
    }

    [Fact]
    public void LayoutWithSeveralImages_ListsThem()
    {
        WriteLayout("""{"manifests":[{"digest":"sha256:aa","annotations":{"org.opencontainers.image.ref.name":"busybox:1.36"}},{"digest":"sha256:bb"}]}""");

        Assert.StartsWith($"{_directory} holds 2 images (busybox:1.36, sha256:bb); import one at a time", ImportSource.Problem(_directory));
    }

    [Fact]
    public void LayoutWithOneImage_IsAccepted()
    {
        WriteLayout("""{"manifests":[{"digest":"sha256:aa"}]}""");

        Assert.Null(ImportSource.Problem(_directory));
    }

    private void WriteLayout(string index)
    {
        File.WriteAllText(Path.Combine(_directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        File.WriteAllText(Path.Combine(_directory, "index.json"), index);
    }
}
